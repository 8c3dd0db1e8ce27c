using System.Collections.Generic;
using GptImage.Orchestration;

namespace GptImage.BatchApi
{
    /// <summary>Rebuilds a recorded row as the engine's <see cref="ImageJob"/>, so results are filled the way direct runs fill them.</summary>
    internal static class BatchRows
    {
        public static ImageJob ToJob(BatchRecordRow row)
        {
            ImageGenerationRequest request;
            if (row.InputImages != null)
            {
                var edit = new ImageEditRequest { InputFidelity = row.InputFidelity, MaskPath = row.MaskPath };
                foreach (string image in row.InputImages) edit.Images.Add(image);
                request = edit;
            }
            else request = new ImageGenerationRequest();
            request.Prompt = row.Prompt;
            request.Model = row.Model;
            request.Size = row.Size;
            request.Quality = row.Quality;
            request.OutputFormat = row.OutputFormat;
            request.Compression = row.Compression;
            request.Background = row.Background;
            request.Moderation = row.Moderation;
            request.Count = row.Count;
            request.User = row.User;
            return new ImageJob(request)
            {
                RowNumber = row.RowNumber,
                // The pipeline object is long gone; its fields are what a later session can offer as the source.
                Source = row.SourceFields,
                SourceFields = new Dictionary<string, string?>(row.SourceFields, System.StringComparer.OrdinalIgnoreCase),
            };
        }
    }
}
