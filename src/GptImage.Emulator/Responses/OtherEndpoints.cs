using System;
using System.Globalization;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using GptImage.Emulator.Images;
using GptImage.Emulator.Pipeline;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>The image files behind dall-e "url" answers, and OpenAI's 404 for every other path.</summary>
    internal static class OtherEndpoints
    {
        public static async Task ServeImageAsync(HttpContext context, EmulatorServerState state, int width, int height)
        {
            if (width is <= 0 or > 4096 || height is <= 0 or > 4096)
            {
                context.Response.StatusCode = 404;
                return;
            }
            RenderedImage image = state.Images.Get(width, height, "png", transparent: false);
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = image.Bytes.Length;
            await context.Response.Body.WriteAsync(image.Bytes, context.RequestAborted).ConfigureAwait(false);
        }

        public static async Task NotFoundAsync(HttpContext context, EmulatorServerState state)
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
