using System.Net.Http.Headers;

namespace GptImage.Tests.Infrastructure
{
    /// <summary>
    /// One emulator per test class (IClassFixture&lt;EmulatorFixture&gt;). Tests of a class run one after another,
    /// so each test calls <see cref="Reset"/> first (knobs back to defaults, counters empty) and may then turn
    /// knobs freely. <see cref="CreateClient"/> gives a GptImageClient aimed at the server.
    /// </summary>
    public class EmulatorFixture : IAsyncLifetime
    {
        /// <summary>The key tests send. Any key works unless a test sets Options.RequiredApiKey.</summary>
        public const string ApiKey = "sk-emulator-test-0123456789abcdef";

        private EmulatorServer? _server;

        public EmulatorServer Server => _server ?? throw new InvalidOperationException("The emulator has not started yet.");
        public Uri BaseUrl => Server.BaseUrl;
        public EmulatorOptions Options => Server.Options;
        public EmulatorCounters Counters => Server.Counters;

        /// <summary>Knobs the server starts with; override in a derived fixture for a whole class.</summary>
        protected virtual EmulatorOptions? InitialOptions => null;

        public async Task InitializeAsync() => _server = await EmulatorServer.StartAsync(InitialOptions);

        public async Task DisposeAsync()
        {
            if (_server != null) await _server.DisposeAsync();
        }

        /// <summary>Back to a fresh server: default knobs (or <paramref name="options"/>), empty counters and rate window.</summary>
        public void Reset(EmulatorOptions? options = null) => Server.Reset(options ?? InitialOptions);

        /// <summary>Client options aimed at the emulator, with short waits suited to tests.</summary>
        public GptImageClientOptions CreateClientOptions(string? apiKey = ApiKey) => new GptImageClientOptions
        {
            Endpoint = BaseUrl,
            ApiKey = apiKey,
            Timeout = TimeSpan.FromSeconds(60),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        };

        /// <summary>A GptImageClient aimed at the emulator; <paramref name="configure"/> adjusts the options first (retries, logging...).</summary>
        public GptImageClient CreateClient(string? apiKey = ApiKey, Action<GptImageClientOptions>? configure = null)
        {
            GptImageClientOptions options = CreateClientOptions(apiKey);
            configure?.Invoke(options);
            return new GptImageClient(options);
        }

        /// <summary>A raw HttpClient for wire-level tests: BaseAddress is .../v1/, Bearer key set when given.</summary>
        public HttpClient CreateHttpClient(string? apiKey = ApiKey)
        {
            var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(120) };
            if (apiKey != null) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            return http;
        }
    }
}
