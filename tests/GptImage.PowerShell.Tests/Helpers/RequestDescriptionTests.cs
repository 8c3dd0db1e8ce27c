using GptImage.Commands;
using GptImage.Orchestration;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>The -WhatIf / -Confirm text: the request that would be sent and its estimated cost.</summary>
    public sealed class RequestDescriptionTests
    {
        [Fact]
        public void The_target_names_the_model_options_and_prompt()
        {
            var request = new ImageGenerationRequest { Prompt = "A lighthouse\nat dawn", Size = "1536x1024", Quality = "high", OutputFormat = "webp", Count = 2 };
            string target = RequestDescription.Target(request);
            Assert.Equal("gpt-image-2 size=1536x1024 quality=high format=webp n=2: 'A lighthouse at dawn'", target);
        }

        [Fact]
        public void A_very_long_prompt_is_shortened()
        {
            var request = new ImageGenerationRequest { Prompt = new string('x', 5000) };
            Assert.True(RequestDescription.Target(request).Length < 1300);
        }

        [Fact]
        public void A_filled_library_template_is_shown_whole()
        {
            var request = new ImageGenerationRequest { Prompt = new string('x', 900) + " Avoid: people." };
            Assert.EndsWith("Avoid: people.'", RequestDescription.Target(request));
        }

        [Fact]
        public void Edits_list_their_images_mask_and_fidelity()
        {
            var request = new ImageEditRequest { Prompt = "add snow", MaskPath = "/m/mask.png", InputFidelity = "high" };
            request.Images.Add("/i/a.png");
            request.Images.Add("/i/b.png");
            Assert.Contains("images=/i/a.png, /i/b.png mask=/m/mask.png input_fidelity=high", RequestDescription.Target(request));
        }

        [Fact]
        public void The_action_shows_the_core_estimate_for_a_known_model()
        {
            var request = new ImageGenerationRequest { Prompt = "a cat", Size = "1024x1024", Quality = "low", Count = 3 };
            CostEstimate estimate = CostEstimator.Estimate(request);
            Assert.True(estimate.IsKnownModel);
            string action = RequestDescription.Action("Generate", request, estimate);
            Assert.Equal($"Generate 3 images (estimated {estimate.Usd.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)} USD)", action);
            Assert.True(estimate.Usd > 0m);
        }

        [Fact]
        public void The_action_says_when_the_cost_is_unknown()
        {
            var request = new ImageGenerationRequest { Prompt = "a cat", Model = "my-azure-deployment" };
            string action = RequestDescription.Action("Generate", request, CostEstimator.Estimate(request));
            Assert.Equal("Generate 1 image (cost unknown for this model)", action);
        }
    }
}
