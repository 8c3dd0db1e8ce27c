using System;
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

        /// <summary>
        /// Whether resolving a path failed for a reason that belongs to that one path, so the row errors and the
        /// batch goes on: no such item, no such drive (a Windows 'C:\...' path in a CSV read on Linux) or provider,
        /// or a malformed wildcard pattern ('shot[1.png'). Catching only ItemNotFoundException let the others end the run.
        /// </summary>
        public static bool IsResolutionError(Exception error) => IsResolutionErrorType(error.GetType());

        internal static bool IsResolutionErrorType(Type type) =>
            typeof(SessionStateException).IsAssignableFrom(type) || typeof(WildcardPatternException).IsAssignableFrom(type);

        private static void RequireFileSystem(ProviderInfo provider, string path)
        {
            if (provider.Name != FileSystemProvider)
                throw new PSArgumentException($"'{path}' is on the {provider.Name} provider; images must be files (FileSystem provider).");
        }
    }
}
