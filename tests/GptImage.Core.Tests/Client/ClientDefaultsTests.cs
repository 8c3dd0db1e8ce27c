using System;
using System.Collections.Generic;
using Xunit;

namespace GptImage.Tests.Client
{
    /// <summary>The client's defaults: retries, timeout, default model, and the OPENAI_* environment variables.</summary>
    public sealed class ClientDefaultsTests
    {
        private static Func<string, string?> Variables(params (string Name, string Value)[] set)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in set) map[name] = value;
            return name => map.TryGetValue(name, out string? value) ? value : null;
        }

        [Fact]
        public void Max_retries_is_3_the_attempt_timeout_10_minutes_and_the_model_gpt_image_2()
        {
            var options = new GptImageClientOptions();
            Assert.Equal(3, options.MaxRetries);
            Assert.Equal(TimeSpan.FromMinutes(10), options.Timeout);
            Assert.False(options.AllowInsecureHttp);
            Assert.Equal("gpt-image-2", new ImageGenerationRequest().Model);
            Assert.Equal("gpt-image-2", new ImageEditRequest().Model);
        }

        [Fact]
        public void Every_openai_variable_fills_its_option()
        {
            GptImageClientOptions options = new GptImageClientOptions().WithEnvironmentDefaults(Variables(
                ("OPENAI_API_KEY", " sk-from-env "), ("OPENAI_BASE_URL", "https://gateway.example.test/v1"),
                ("OPENAI_ORG_ID", "org-env"), ("OPENAI_PROJECT_ID", "proj-env")));
            Assert.Equal("sk-from-env", options.ApiKey);
            Assert.Equal(new Uri("https://gateway.example.test/v1"), options.Endpoint);
            Assert.Equal("org-env", options.Organization);
            Assert.Equal("proj-env", options.Project);
        }

        [Fact]
        public void Openai_api_base_is_read_when_openai_base_url_is_absent_and_loses_to_it()
        {
            Assert.Equal(new Uri("https://old-name.example.test/v1"),
                new GptImageClientOptions().WithEnvironmentDefaults(Variables(("OPENAI_API_BASE", "https://old-name.example.test/v1"))).Endpoint);
            Assert.Equal(new Uri("https://new-name.example.test/v1"),
                new GptImageClientOptions().WithEnvironmentDefaults(Variables(
                    ("OPENAI_API_BASE", "https://old-name.example.test/v1"), ("OPENAI_BASE_URL", "https://new-name.example.test/v1"))).Endpoint);
        }

        [Fact]
        public void Without_variables_the_endpoint_is_openai_and_the_rest_stays_unset()
        {
            GptImageClientOptions options = new GptImageClientOptions().WithEnvironmentDefaults(Variables(("OPENAI_API_KEY", "   ")));
            Assert.Equal(GptImageClientOptions.OpenAIEndpoint, options.Endpoint);
            Assert.Null(options.ApiKey);
            Assert.Null(options.Organization);
            Assert.Null(options.Project);
        }

        [Fact]
        public void Values_the_caller_set_win_over_the_environment()
        {
            var set = new GptImageClientOptions { ApiKey = "explicit", Endpoint = new Uri("https://explicit.test/v1"), Organization = "org-x", Project = "proj-x" };
            GptImageClientOptions options = set.WithEnvironmentDefaults(Variables(
                ("OPENAI_API_KEY", "sk-env"), ("OPENAI_BASE_URL", "https://env.test/v1"), ("OPENAI_ORG_ID", "org-env"), ("OPENAI_PROJECT_ID", "proj-env")));
            Assert.Equal("explicit", options.ApiKey);
            Assert.Equal(new Uri("https://explicit.test/v1"), options.Endpoint);
            Assert.Equal("org-x", options.Organization);
            Assert.Equal("proj-x", options.Project);
        }
    }
}
