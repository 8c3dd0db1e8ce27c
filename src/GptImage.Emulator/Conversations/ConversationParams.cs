using System.Collections.Generic;
using GptImage.Emulator.Http;

namespace GptImage.Emulator.Conversations
{
    /// <summary>
    /// The images pipeline names fields as the images endpoints have them (size, prompt, mask); a conversation turn
    /// carries them elsewhere (tools[0].size, input, tools[0].input_image_mask), and its errors say so.
    /// </summary>
    internal static class ConversationParams
    {
        /// <summary>The param of the image a later turn edits: the conversation's own, not an upload.</summary>
        public const string PreviousImage = "previous_response_id";

        private static readonly Dictionary<string, string> Renamed = new()
        {
            ["prompt"] = "input",
            ["mask"] = "tools[0].input_image_mask",
            ["images"] = "input",
            ["image"] = "input",
        };

        public static ApiError Rename(ApiError error)
        {
            if (error.Param is null || error.Param.StartsWith("tools[", System.StringComparison.Ordinal) || error.Param.StartsWith("input", System.StringComparison.Ordinal)
                || error.Param == PreviousImage)
                return error;
            string param = Renamed.TryGetValue(error.Param, out string? renamed) ? renamed : "tools[0]." + error.Param;
            return error with { Param = param, Message = error.Message.Replace("'" + error.Param + "'", "'" + param + "'") };
        }
    }
}
