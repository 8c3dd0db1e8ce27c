using System.Reflection;
using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>
    /// A blank Import-Csv cell bound to a numeric option means "not given". PowerShell itself converts "" to 0
    /// for [int] and [int?], so the numeric options that bind by property name must turn blank text into null first.
    /// </summary>
    public sealed class BlankAsNullTests
    {
        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("\t")]
        public void Blank_text_is_blank(string cell) => Assert.True(BlankAsNullAttribute.IsBlankText(cell));

        [Theory]
        [InlineData("0")]
        [InlineData("80")]
        [InlineData(" 2 ")]
        public void Text_with_a_value_is_kept(string cell) => Assert.False(BlankAsNullAttribute.IsBlankText(cell));

        [Fact]
        public void Numbers_and_null_are_not_blank_text()
        {
            Assert.False(BlankAsNullAttribute.IsBlankText(0));
            Assert.False(BlankAsNullAttribute.IsBlankText(null));
        }

        [Fact]
        public void Every_numeric_option_that_binds_by_property_name_treats_a_blank_cell_as_not_given()
        {
            var numericByPropertyName = typeof(ImageRequestCmdlet).Assembly.GetTypes()
                .Where(t => t.IsClass && t.Namespace == "GptImage.Commands")
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(p => IsNumeric(p.PropertyType) && BindsByPropertyName(p))
                .ToList();

            Assert.Contains(numericByPropertyName, p => p.Name == "Count");
            Assert.Contains(numericByPropertyName, p => p.Name == "Compression");
            var missing = numericByPropertyName
                .Where(p => !p.GetCustomAttributesData().Any(a => a.AttributeType == typeof(BlankAsNullAttribute)))
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
            Assert.Empty(missing);
        }

        private static bool IsNumeric(Type type)
        {
            Type t = Nullable.GetUnderlyingType(type) ?? type;
            return t == typeof(int) || t == typeof(long) || t == typeof(double) || t == typeof(decimal);
        }

        private static bool BindsByPropertyName(PropertyInfo property) =>
            property.GetCustomAttributesData()
                .Where(a => a.AttributeType.Name == "ParameterAttribute")
                .Any(a => a.NamedArguments.Any(n => n.MemberName == "ValueFromPipelineByPropertyName" && n.TypedValue.Value is true));
    }
}
