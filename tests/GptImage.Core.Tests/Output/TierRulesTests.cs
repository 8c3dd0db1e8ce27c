using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Output
{
    /// <summary>-Tier tables, -TierBy and the decisions made from them, before any pixel is touched.</summary>
    public class TierRulesTests
    {
        private static Hashtable Tiers() => new Hashtable
        {
            ["high"] = new Hashtable { ["Format"] = "png" },
            ["medium"] = new Hashtable { ["Format"] = "webp", ["Quality"] = 85 },
            ["low"] = new Hashtable { ["Format"] = "webp", ["Quality"] = 70L, ["ThumbnailWidth"] = "256" },
        };

        private static GptImageResult Result(string quality, string model = "gpt-image-2", Dictionary<string, string?>? fields = null) => new GptImageResult
        {
            Quality = quality, Model = model, Format = "png", RowNumber = 7, Sha256 = "ab12", SourceFields = fields ?? new Dictionary<string, string?>(),
        };

        [Fact]
        public void A_table_is_read_with_its_fields_and_numbers_of_any_integer_type()
        {
            TierRules rules = TierRules.Create(null, Tiers(), null)!;
            TierSettings low = rules.TierFor(Result("low"))!;
            Assert.Equal(("webp", 70, 256), (low.Format, low.Quality, low.ThumbnailWidth));
            Assert.Equal("high", rules.TierFor(Result("HIGH"))!.Name);   // names ignore case
            Assert.Equal(TierLimits.ByQuality, rules.TierBy);            // the default
        }

        [Theory]
        [InlineData("Format", "gif", "-Tier key 'medium', Format 'gif' is not allowed: png, jpeg or webp.")]
        [InlineData("Quality", 0, "-Tier key 'medium', Quality '0' is not allowed: a whole number from 1 to 100.")]
        [InlineData("Quality", 101, "-Tier key 'medium', Quality '101' is not allowed: a whole number from 1 to 100.")]
        [InlineData("Quality", 85.5, "-Tier key 'medium', Quality '85.5' is not allowed: a whole number from 1 to 100.")]
        [InlineData("ThumbnailWidth", 15, "-Tier key 'medium', ThumbnailWidth '15' is not allowed: a whole number from 16 to 4096.")]
        [InlineData("ThumbnailWidth", 4097, "-Tier key 'medium', ThumbnailWidth '4097' is not allowed: a whole number from 16 to 4096.")]
        [InlineData("Qualty", 80, "-Tier key 'medium', field 'Qualty' is not allowed: one of Format, Quality, ThumbnailWidth, ThumbnailFormat.")]
        public void A_bad_field_is_named_with_its_key_value_and_what_is_allowed(string field, object value, string message)
        {
            var table = new Hashtable { ["medium"] = new Hashtable { ["Format"] = "webp", [field] = value } };
            var error = Assert.Throws<GptImageValidationException>(() => TierRules.Create("Quality", table, null));
            Assert.Equal(ErrorIds.InvalidTier, error.ErrorId);
            Assert.Equal(message, error.Message);
        }

        [Fact]
        public void Settings_that_would_do_nothing_are_refused()
        {
            var pngQuality = Assert.Throws<GptImageValidationException>(() =>
                TierRules.Create(null, new Hashtable { ["high"] = new Hashtable { ["Format"] = "png", ["Quality"] = 80 } }, null));
            Assert.Contains("key 'high', Quality '80'", pngQuality.Message);
            var formatWithoutWidth = Assert.Throws<GptImageValidationException>(() =>
                TierRules.Create(null, new Hashtable { ["high"] = new Hashtable { ["ThumbnailFormat"] = "webp" } }, null));
            Assert.Contains("key 'high', ThumbnailFormat 'webp'", formatWithoutWidth.Message);
            // With the run's -ThumbnailWidth the same tier is fine, and its Quality then applies to the WebP thumbnail.
            Assert.NotNull(TierRules.Create(null, new Hashtable { ["high"] = new Hashtable { ["Format"] = "png", ["ThumbnailFormat"] = "webp", ["Quality"] = 60 } }, 128));
        }

        [Fact]
        public void The_table_itself_must_hold_tables_and_not_repeat_a_name()
        {
            Assert.Contains("key 'high' 'png' is not allowed: a hashtable of settings",
                Assert.Throws<GptImageValidationException>(() => TierRules.Create(null, new Hashtable { ["high"] = "png" }, null)).Message);
            var twice = new OrderedDictionary { ["High"] = new Hashtable(), ["high"] = new Hashtable() };   // a case-sensitive dictionary
            Assert.Contains("one tier per name", Assert.Throws<GptImageValidationException>(() => TierRules.Create(null, twice, null)).Message);
            Assert.Contains("at least one tier", Assert.Throws<GptImageValidationException>(() => TierRules.Create(null, new Hashtable(), null)).Message);
        }

        [Fact]
        public void TierBy_needs_a_table_and_ThumbnailWidth_its_range()
        {
            Assert.Equal("TierBy", Assert.Throws<GptImageValidationException>(() => TierRules.Create("Model", null, null)).ParamName);
            Assert.Equal("ThumbnailWidth", Assert.Throws<GptImageValidationException>(() => TierRules.Create(null, null, 8)).ParamName);
            Assert.Null(TierRules.Create(null, null, null));   // nothing asked: a plain export
            Assert.Null(TierRules.Create(null, null, 256)!.Table);
        }

        [Fact]
        public void Tiers_are_found_by_model_or_by_a_column_and_fall_back_to_star()
        {
            var byModel = TierRules.Create("model", new Hashtable { ["gpt-image-2"] = new Hashtable { ["Format"] = "png" }, ["*"] = new Hashtable { ["Format"] = "jpeg" } }, null)!;
            Assert.Equal("gpt-image-2", byModel.TierFor(Result("low"))!.Name);
            Assert.Equal("*", byModel.TierFor(Result("low", "gpt-image-1-mini"))!.Name);

            var byColumn = TierRules.Create("Tier", new Hashtable { ["print"] = new Hashtable { ["Format"] = "png" } }, null)!;
            Assert.Equal("print", byColumn.TierFor(Result("low", fields: new Dictionary<string, string?> { ["tier"] = " Print " }))!.Name);
        }

        [Fact]
        public void A_missing_column_or_a_value_without_a_tier_is_the_rows_error()
        {
            var byColumn = TierRules.Create("Tier", new Hashtable { ["print"] = new Hashtable() }, null)!;
            var missing = Assert.Throws<GptImageValidationException>(() => byColumn.TierFor(Result("low", fields: new Dictionary<string, string?> { ["Sku"] = "A" })));
            Assert.Equal(ErrorIds.TierNotFound, missing.ErrorId);
            Assert.Equal(7, missing.RowNumber);
            Assert.StartsWith("Row 7: -TierBy 'Tier' is not allowed: Quality, Model or a column of the input row (its columns: Sku)", missing.Message);

            var unknown = Assert.Throws<GptImageValidationException>(() => byColumn.TierFor(Result("low", fields: new Dictionary<string, string?> { ["Tier"] = "web" })));
            Assert.StartsWith("Row 7: column Tier 'web' is not allowed: a value that has a tier in -Tier ('print'); add a '*' tier", unknown.Message);

            var byQuality = TierRules.Create(null, new Hashtable { ["high"] = new Hashtable() }, null)!;
            Assert.StartsWith("Row 7: -TierBy Quality 'low' is not allowed", Assert.Throws<GptImageValidationException>(() => byQuality.TierFor(Result("low"))).Message);
        }
    }
}
