using System;
using System.Globalization;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>Every path the emulator does not serve: OpenAI's 404 "Invalid URL" error, recorded like any call.</summary>
    internal static class NotFoundEndpoint
    {
        public static async Task WriteAsync(HttpContext context, EmulatorServerState state)
        {
            var (scheme, _) = Authentication.Read(context.Request);
            RecordedRequest record = RequestRecorder.Start(context, "other", null, scheme);
            using IDisposable tracking = state.Counters.Track(record);
            var error = new ApiError(404, string.Format(CultureInfo.InvariantCulture, "Invalid URL ({0} {1})", context.Request.Method, context.Request.Path),
                ApiError.InvalidRequest, null, null);
            await ErrorWriter.WriteAsync(context, error, state.Options, record).ConfigureAwait(false);
        }
    }
}
