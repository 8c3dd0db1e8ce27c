using System;
using GptImage.Emulator.Http;

namespace GptImage.Emulator.Validation
{
    /// <summary>Refusals that come after a request is well-formed: the moderation word, and what Azure does not offer.</summary>
    internal static class ContentPolicy
    {
        public static ApiError? Check(ValidatedCall call, bool azureDeployment, EmulatorOptions options)
        {
            string trigger = options.ModerationTriggerWord;
            if (!string.IsNullOrEmpty(trigger) && call.Prompt.Contains(trigger, StringComparison.OrdinalIgnoreCase))
                return azureDeployment ? ApiError.AzureContentFilter() : ApiError.ModerationBlocked();
            if (azureDeployment && call.OutputFormat == "webp")
                return ApiError.InvalidValue("output_format", "webp", new[] { "png", "jpeg" });   // Azure OpenAI has no webp output
            return null;
        }
    }
}
