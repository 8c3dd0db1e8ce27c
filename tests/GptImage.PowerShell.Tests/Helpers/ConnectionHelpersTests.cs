using System.Security;
using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    public sealed class ConnectionHelpersTests
    {
        [Theory]
        [InlineData("api.openai.com")]
        [InlineData("/v1")]
        [InlineData("ftp://example.com/v1")]
        [InlineData("not a url")]
        public void An_unusable_endpoint_is_a_validation_error_naming_Endpoint(string endpoint)
        {
            var error = Assert.Throws<GptImageValidationException>(() => ClientOptionsFactory.ParseEndpoint(endpoint));
            Assert.Equal(ErrorIds.InvalidEndpoint, error.ErrorId);
            Assert.StartsWith("-Endpoint", error.Message);
            Assert.Contains(endpoint, error.Message);
        }

        [Theory]
        [InlineData("https://api.openai.com/v1", "https://api.openai.com/v1")]
        [InlineData("  http://127.0.0.1:5000/v1/ ", "http://127.0.0.1:5000/v1/")]
        public void A_usable_endpoint_parses(string endpoint, string expected)
        {
            Assert.Equal(expected, ClientOptionsFactory.ParseEndpoint(endpoint)!.OriginalString);
        }

        [Fact]
        public void No_endpoint_means_the_default()
        {
            Assert.Null(ClientOptionsFactory.ParseEndpoint(null));
            Assert.Null(ClientOptionsFactory.ParseEndpoint("  "));
        }

        [Fact]
        public void The_endpoint_description_holds_the_deployment_but_never_the_key()
        {
            var options = new GptImageClientOptions
            {
                Endpoint = new System.Uri("https://contoso.openai.azure.com/?x=1"),
                ApiKey = "sk-secret-1234567890",
                AzureDeployment = "images",
            };
            string description = ClientOptionsFactory.Describe(options);
            Assert.Equal("https://contoso.openai.azure.com/ (deployment images)", description);
            Assert.DoesNotContain("sk-secret", description);
        }

        [Fact]
        public void A_SecureString_key_is_revealed_only_as_the_same_text()
        {
            using var secure = new SecureString();
            foreach (char c in "sk-test-abc") secure.AppendChar(c);
            Assert.Equal("sk-test-abc", SecureStringText.Reveal(secure));
            using var empty = new SecureString();
            Assert.Null(SecureStringText.Reveal(empty));
            Assert.Null(SecureStringText.Reveal(null));
        }
    }
}
