using System.Reflection;
using System.Security;
using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>
    /// A plain-text -ApiKey is refused by our own message, never by PowerShell's conversion error (which quotes the value).
    /// </summary>
    public sealed class SecureStringOnlyTests
    {
        private const string PlainKey = "sk-proj-plaintext-key-0123456789";

        [Fact]
        public void A_plain_text_key_is_refused_without_repeating_it()
        {
            string? refusal = SecureStringOnlyAttribute.Refusal(PlainKey);
            Assert.NotNull(refusal);
            Assert.DoesNotContain(PlainKey, refusal);
            Assert.DoesNotContain("0123456789", refusal);
            Assert.Contains("-ApiKey", refusal);
            Assert.Contains("SecureString", refusal);
        }

        [Fact]
        public void A_SecureString_or_nothing_binds()
        {
            using var secure = new SecureString();
            foreach (char c in "sk-x") secure.AppendChar(c);
            Assert.Null(SecureStringOnlyAttribute.Refusal(secure));
            Assert.Null(SecureStringOnlyAttribute.Refusal(null));
        }

        [Fact]
        public void Every_SecureString_parameter_refuses_plain_text_itself()
        {
            var secureParameters = typeof(ImageRequestCmdlet).Assembly.GetTypes()
                .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(p => p.PropertyType == typeof(SecureString)
                    && p.GetCustomAttributesData().Any(a => a.AttributeType.Name == "ParameterAttribute"))
                .ToList();

            Assert.True(secureParameters.Count >= 4, $"only {secureParameters.Count} -ApiKey declarations found");
            var unguarded = secureParameters
                .Where(p => !p.GetCustomAttributesData().Any(a => a.AttributeType == typeof(SecureStringOnlyAttribute)))
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");
            Assert.Empty(unguarded);
        }
    }
}
