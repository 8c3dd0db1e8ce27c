using System.Collections.Generic;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>
    /// Builds the edit request of one record from -Path (wildcards) or -LiteralPath, -MaskPath and -InputFidelity:
    /// shared by the cmdlets that take edits without sending them at once (Submit-GptImageBatchJob, Measure-GptImageCost).
    /// </summary>
    internal static class EditRequestInput
    {
        public const string PathSet = "Path";
        public const string LiteralPathSet = "LiteralPath";

        public static bool IsEditSet(string parameterSet) => parameterSet == PathSet || parameterSet == LiteralPathSet;

        /// <summary>The request with resolved image and mask paths; throws ItemNotFoundException when a -Path matches nothing.</summary>
        public static ImageEditRequest Build(PSCmdlet cmdlet, string parameterSet, IEnumerable<string> paths, string? maskPath, string? inputFidelity)
        {
            var request = new ImageEditRequest { InputFidelity = ParameterValues.NullIfEmpty(inputFidelity)?.ToLowerInvariant() };
            foreach (string path in paths)
            {
                if (parameterSet == LiteralPathSet) request.Images.Add(FileSystemPaths.ResolveLiteral(cmdlet, path));
                else foreach (string match in FileSystemPaths.ResolveWildcards(cmdlet, path)) request.Images.Add(match);
            }
            if (!string.IsNullOrWhiteSpace(maskPath)) request.MaskPath = FileSystemPaths.ResolveLiteral(cmdlet, maskPath!);
            return request;
        }
    }
}
