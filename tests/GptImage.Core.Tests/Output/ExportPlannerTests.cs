using System.Collections;
using System.IO;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Output
{
    /// <summary>What Export-GptImageBatch decides to write for one image: names, re-encoding and thumbnail sizes.</summary>
    public class ExportPlannerTests
    {
        [Theory]
        [InlineData("png", null, "png", null, false)]     // a PNG master of a PNG: the API's bytes as they are
        [InlineData("png", null, "webp", 80, true)]
        [InlineData("png", null, "jpeg", null, true)]
        [InlineData("webp", null, "webp", null, false)]   // no quality asked: kept
        [InlineData("webp", null, "webp", 100, false)]    // the API's default compression is 100
        [InlineData("webp", 70, "webp", 70, false)]       // made at the quality asked
        [InlineData("webp", 70, "webp", 85, true)]
        [InlineData("jpeg", null, "png", null, true)]
        [InlineData("jpg", null, "jpeg", null, false)]
        public void Encodes_anew_only_when_the_format_or_quality_differs(string source, int? compression, string format, int? quality, bool expected) =>
            Assert.Equal(expected, ExportPlanner.NeedsReencode(source, compression, format, quality));

        [Theory]
        [InlineData(1024, 1024, 256, 256, 256)]
        [InlineData(1536, 1024, 256, 256, 171)]    // 170.67 rounds up
        [InlineData(1024, 1536, 256, 256, 384)]
        [InlineData(3840, 16, 16, 16, 1)]          // never 0 pixels high
        [InlineData(200, 100, 256, 200, 100)]      // never wider than the image
        public void Thumbnails_keep_the_aspect_and_never_grow(int width, int height, int target, int expectedWidth, int expectedHeight) =>
            Assert.Equal((expectedWidth, expectedHeight), ExportPlanner.ThumbnailSize(width, height, target));

        [Fact]
        public void Names_take_the_tier_format_and_put_the_thumbnail_beside_the_master()
        {
            string root = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "plan"));
            var options = new ExportOptions
            {
                DestinationPath = root, FileNameTemplate = "{Sku}-{Format}", Layout = FileLayout.ByQuality,
                Tiers = TierRules.Create(null, new Hashtable { ["low"] = new Hashtable { ["Format"] = "webp", ["Quality"] = 70, ["ThumbnailWidth"] = 256 } }, null),
            };
            var result = new GptImageResult { Quality = "low", Format = "png", Sha256 = "ab", RowNumber = 1, SourceFields = new System.Collections.Generic.Dictionary<string, string?> { ["Sku"] = "MUG" } };
            ExportPlan plan = ExportPlanner.Plan(result, options);
            Assert.Equal(Path.Combine(root, "low", "MUG-webp.webp"), plan.Path);
            Assert.Equal(Path.Combine(root, "low", "MUG-webp.thumb-256.webp"), plan.ThumbnailPath);
            Assert.Equal(("low", true, 70, 70), (plan.Tier, plan.Reencode, plan.Quality, plan.ThumbnailQuality));
            Assert.Equal(new[] { plan.Path, plan.ThumbnailPath! }, plan.Files);
            Assert.Equal("png", result.Format);   // the caller's result is not changed
        }

        [Fact]
        public void The_runs_thumbnail_width_applies_without_tiers_in_the_images_own_format()
        {
            var options = new ExportOptions { DestinationPath = Path.GetTempPath(), FileNameTemplate = "x", Tiers = TierRules.Create(null, null, 128) };
            ExportPlan plan = ExportPlanner.Plan(new GptImageResult { Format = "jpeg", Sha256 = "ab" }, options);
            Assert.False(plan.Reencode);
            Assert.Null(plan.Tier);
            Assert.Equal("x.thumb-128.jpg", Path.GetFileName(plan.ThumbnailPath));
            Assert.Equal(TierLimits.DefaultQuality, plan.ThumbnailQuality);
        }
    }
}
