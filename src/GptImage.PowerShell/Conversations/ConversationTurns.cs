using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>How a conversation's settings become a turn's request, and the fields a turn's file name can use.</summary>
    internal static class ConversationTurns
    {
        /// <summary>A turn with the conversation's settings (no images, no previous response: the caller adds those).</summary>
        public static ConversationTurnRequest Settings(GptImageConversation conversation, string prompt) => new ConversationTurnRequest
        {
            Prompt = prompt,
            ResponsesModel = conversation.Model,
            Model = conversation.ImageModel,
            Size = conversation.Size,
            Quality = conversation.Quality,
            OutputFormat = conversation.OutputFormat,
            Compression = conversation.Compression,
            Background = conversation.Background,
            Moderation = conversation.Moderation,
            InputFidelity = conversation.InputFidelity,
            PartialImages = conversation.PartialImages,
        };

        /// <summary>
        /// A turn's error, named by its turn ("Turn 2: ...") as a batch row's is by its row, with the row error's id (a
        /// missing -Path file: GptImage.ImageNotFound), category and advice.
        /// </summary>
        public static ErrorRecord Error(Exception error, object? target, int turn)
        {
            ErrorRecord record = ErrorRecords.ForRow(error, target, turn, null);
            record.ErrorDetails = new ErrorDetails($"Turn {turn}: " + ErrorRecords.DisplayMessage(error)) { RecommendedAction = record.ErrorDetails?.RecommendedAction };
            return record;
        }

        /// <summary>The fields of -FileName beyond the built-in ones: {Turn} and {Prompt}.</summary>
        public static IReadOnlyDictionary<string, string?> FileNameFields(int turn, string prompt) =>
            new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
            {
                ["Turn"] = turn.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Prompt"] = prompt,
            };
    }
}
