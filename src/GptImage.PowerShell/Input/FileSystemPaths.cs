using System.Collections.Generic;
using System.Management.Automation;

namespace GptImage.Commands
{
    /// <summary>Resolves -Path (wildcards) and -LiteralPath values to file-system paths, the way built-in cmdlets do.</summary>
    internal static class FileSystemPaths
    {
        public const string FileSystemProvider = "FileSystem";

        /// <summary>
        /// Every file a -Path pattern matches. A pattern that matches nothing but exists as a literal name (a
        /// file called 'shot[1].png', as New-GptImage results often have) is taken literally.
        /// </summary>
        public static IReadOnlyList<string> ResolveWildcards(PSCmdlet cmdlet, string path)
        {
            if (WildcardPattern.ContainsWildcardCharacters(path))
            {
                string literal = ResolveLiteral(cmdlet, path);
                if (System.IO.File.Exists(literal)) return new[] { literal };
            }
            var resolved = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out ProviderInfo provider);
            RequireFileSystem(provider, path);
            return resolved;
        }

        /// <summary>A full file-system path for a literal path (relative to the current location; need not exist).</summary>
        public static string ResolveLiteral(PSCmdlet cmdlet, string path)
        {
            string full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
            RequireFileSystem(provider, path);
            return full;
        }

        private static void RequireFileSystem(ProviderInfo provider, string path)
        {
            if (provider.Name != FileSystemProvider)
                throw new PSArgumentException($"'{path}' is on the {provider.Name} provider; images must be files (FileSystem provider).");
        }
    }
}
