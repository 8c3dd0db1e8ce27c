using System.IO;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class RequestKeyMaskTests
    {
        private static ImageEditRequest Edit(string? maskPath)
        {
            var edit = new ImageEditRequest { Prompt = "add a hat", Model = "gpt-image-2", MaskPath = maskPath };
            edit.Images.Add(new MemoryStream(new byte[] { 0x89, 0x50, 0x4E, 0x47, 1, 2, 3 }), "photo.png");
            return edit;
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void A_blank_mask_path_is_no_mask_as_for_the_request_sent(string blank)
        {
            // An empty Mask column of an imported CSV: the upload sends no mask, so the key must be the no-mask key.
            Assert.Equal(RequestKey.Compute(Edit(null), null), RequestKey.Compute(Edit(blank), null));
        }
    }
}
