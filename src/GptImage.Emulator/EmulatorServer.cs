using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Control;
using GptImage.Emulator.Hosting;
using GptImage.Emulator.Parsing;
using GptImage.Emulator.Pipeline;
using GptImage.Emulator.Responses;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GptImage.Emulator
{
    /// <summary>
    /// An OpenAI-compatible image server on 127.0.0.1 (Kestrel). Start one per test class, or standalone from
    /// the command line; point a client at <see cref="BaseUrl"/> with any key.
    /// </summary>
    public sealed class EmulatorServer : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly EmulatorServerState _state;

        private EmulatorServer(WebApplication app, EmulatorServerState state, int port)
        {
            _app = app;
            _state = state;
            Port = port;
            Root = new Uri($"http://127.0.0.1:{port}/");
            BaseUrl = new Uri(Root, "v1/");
            state.ImageUrlBase = new Uri(Root, "emulator/images/");
        }

        /// <summary>http://127.0.0.1:&lt;port&gt;/v1/ (what OPENAI_BASE_URL should hold).</summary>
        public Uri BaseUrl { get; }

        /// <summary>http://127.0.0.1:&lt;port&gt;/ (the "resource" of the Azure routes /openai/deployments/... and /openai/v1/).</summary>
        public Uri Root { get; }

        public int Port { get; }

        /// <summary>The live knobs: changes apply to the next request.</summary>
        public EmulatorOptions Options => _state.Options;

        public EmulatorCounters Counters => _state.Counters;

        /// <summary>
        /// Makes the running server behave as if just started with <paramref name="options"/> (defaults when
        /// null): knobs, fault script, counters, rate window and random sequence. Generated images stay cached.
        /// </summary>
        public void Reset(EmulatorOptions? options = null) => _state.Reset(options);

        /// <summary>For tests: the rate window reads this clock instead of the system's (a fast clock makes a minute pass in seconds).</summary>
        internal void UseClock(Func<DateTime> clock) => _state.UseClock(clock);

        public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, int port = 0, CancellationToken cancellationToken = default)
        {
            options ??= new EmulatorOptions();
            string[] problems = options.Validate().ToArray();
            if (problems.Length > 0) throw new ArgumentException(string.Join(" ", problems), nameof(options));
            if (port < 0 || port > 65535) throw new ArgumentOutOfRangeException(nameof(port), port, "The port must be 0 (any free port) to 65535.");

            var state = new EmulatorServerState(options);
            WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
            {
                Args = Array.Empty<string>(),
                ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel =>
            {
                kestrel.Listen(IPAddress.Loopback, port);
                kestrel.Limits.MaxRequestBodySize = null;   // 16 images of 50 MB are legal
                kestrel.AddServerHeader = false;
            });
            builder.Services.Configure<FormOptions>(form =>
            {
                form.MultipartBodyLengthLimit = long.MaxValue;
                form.ValueLengthLimit = int.MaxValue;
            });
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.Services.AddSingleton<IHostLifetime, NoSignalLifetime>();
            WebApplication app = builder.Build();
            MapRoutes(app, state);
            await app.StartAsync(cancellationToken).ConfigureAwait(false);

            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new EmulatorServer(app, state, new Uri(address).Port);
        }

        private static void MapRoutes(WebApplication app, EmulatorServerState state)
        {
            var images = new ImageRequestHandler(state);
            foreach (string prefix in new[] { "/v1", "/openai/v1" })
            {
                app.MapPost(prefix + "/images/generations", (HttpContext c) => images.HandleAsync(c, ImageEndpoint.Generations, null));
                app.MapPost(prefix + "/images/edits", (HttpContext c) => images.HandleAsync(c, ImageEndpoint.Edits, null));
                app.MapPost(prefix + "/responses", (HttpContext c) => images.HandleResponsesAsync(c));
                app.MapGet(prefix + "/models", (HttpContext c) => ModelsEndpoint.HandleAsync(c, state, null));
                app.MapGet(prefix + "/models/{id}", (HttpContext c, string id) => ModelsEndpoint.HandleAsync(c, state, id));
            }
            app.MapPost("/openai/deployments/{deployment}/images/generations", (HttpContext c, string deployment) => images.HandleAsync(c, ImageEndpoint.Generations, deployment));
            app.MapPost("/openai/deployments/{deployment}/images/edits", (HttpContext c, string deployment) => images.HandleAsync(c, ImageEndpoint.Edits, deployment));
            app.MapGet("/emulator/images/{width:int}x{height:int}.png", (HttpContext c, int width, int height) => ImageFileEndpoint.ServeAsync(c, state, width, height));
            app.MapGet(CountersEndpoint.Path, (HttpContext c) => CountersEndpoint.HandleAsync(c, state));
            app.MapPost(CountersEndpoint.Path + "/reset", (HttpContext c) => CountersEndpoint.ResetAsync(c, state));
            ControlEndpoints.Map(app, state);
            Batches.BatchRoutes.Map(app, state);
            app.MapFallback((HttpContext c) => NotFoundEndpoint.WriteAsync(c, state));
        }

        public async ValueTask DisposeAsync()
        {
            _state.SignalStopping();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try { await _app.StopAsync(timeout.Token).ConfigureAwait(false); }
            finally { await _app.DisposeAsync().ConfigureAwait(false); }
        }
    }
}
