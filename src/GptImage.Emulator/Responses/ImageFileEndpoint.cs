using System.Threading.Tasks;
using GptImage.Emulator.Images;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Responses
{
    /// <summary>GET /emulator/images/WxH.png: the image files behind dall-e "url" answers.</summary>
    internal static class ImageFileEndpoint
    {
        public static async Task ServeAsync(HttpContext context, EmulatorServerState state, int width, int height)
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
    }
}
