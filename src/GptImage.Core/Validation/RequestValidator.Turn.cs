using System;
using System.Collections.Generic;

namespace GptImage
{
    // The checks of a conversation turn (the Responses API's image_generation tool): the image options as for a
    // generation, the turn's own images and mask as for an edit when it has any, and the fields the tool does not take.
    public static partial class RequestValidator
    {
        /// <summary>Checks a conversation turn. Throws <see cref="GptImageValidationException"/>; returns warnings.</summary>
        public static IReadOnlyList<string> Validate(ConversationTurnRequest request, DateTime today) => ValidateTurn(request, today);

        private static IReadOnlyList<string> ValidateTurn(ConversationTurnRequest r, DateTime today)
        {
            if (r is null) throw new ArgumentNullException(nameof(r));
            if (string.IsNullOrWhiteSpace(r.ResponsesModel))
                throw new GptImageValidationException(ErrorIds.InvalidModel, "Model", r.ResponsesModel,
                    $"a mainline model that supports the image_generation tool is required, for example {ConversationTurnRequest.DefaultResponsesModel}.");
            if (ModelCatalog.Find(r.ResponsesModel) is ModelCapabilities imageModel)
                throw new GptImageValidationException(ErrorIds.InvalidModel, "Model", r.ResponsesModel,
                    $"a mainline model that calls the image tool, for example {ConversationTurnRequest.DefaultResponsesModel}; {imageModel.Name} is an image model: give it as -ImageModel.");
            if (r.Count != null && r.Count != 1)
                throw new GptImageValidationException(ErrorIds.InvalidCount, "Count", r.Count, "1: the image_generation tool makes one image per turn.");
            if (r.User != null)
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "User", r.User, "nothing: a conversation turn has no user field; leave it out.");
            if (r.PreviousResponseId != null && !IsResponseId(r.PreviousResponseId))
                throw new GptImageValidationException(ErrorIds.InvalidSetting, "PreviousResponseId", r.PreviousResponseId,
                    "the id of an earlier turn's response, as the API gave it (resp_ followed by letters and digits).");
            if (r.AdditionalBody != null)
                foreach (string key in r.AdditionalBody.Keys)
                    if (Array.IndexOf(TurnOwnedFields, key?.Trim()) >= 0)
                        throw new GptImageValidationException(ErrorIds.InvalidAdditionalBody, "AdditionalBody", key,
                            $"a field this module does not send itself; a conversation turn sends '{key}' (set by -Prompt, -Path, the conversation and its options).");
            IReadOnlyList<string> warnings = ValidateCommon(r, today);
            ModelCapabilities? caps = ModelCatalog.Find(r.Model);
            CheckInputFidelity(r, caps);
            if (r.Images.Count > 0)
            {
                Validation.EditInputRules.CheckImages(r, caps);
                Validation.EditInputRules.CheckMask(r, caps);
            }
            else if (Validation.EditInputRules.EffectiveMask(r) is ImageInput mask)
            {
                throw new GptImageValidationException(ErrorIds.InvalidMask, "MaskPath", mask.ToString(),
                    "a mask together with the image it applies to: give that image with -Path on the same turn (a mask cannot be checked against an image the server holds).");
            }
            return warnings;
        }

        /// <summary>The Responses body's own fields, which -AdditionalBody must not override (the image fields are refused for every request).</summary>
        private static readonly string[] TurnOwnedFields = { "input", "tools", "tool_choice", "previous_response_id", "store", "instructions" };

        private static bool IsResponseId(string id)
        {
            if (!id.StartsWith("resp_", StringComparison.Ordinal) || id.Length <= 5 || id.Length > 200) return false;
            foreach (char c in id)
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-')) return false;
            return true;
        }
    }
}
