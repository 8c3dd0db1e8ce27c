using System;
using System.IO;
using GptImage.Orchestration;
using GptImage.Tests.Orchestration;
using Xunit;

namespace GptImage.Tests.Output
{
    /// <summary>The sweep of temporary files left by a killed run touches only this module's own files, where it writes.</summary>
    public class TempSweepTests
    {
        // A temporary name of a writer that no longer runs (no process has this id).
        private static string OrphanName() => AtomicFile.TempPrefix + int.MaxValue + "-" + Guid.NewGuid().ToString("N") + ".tmp";

        [Fact]
        public void A_folder_linked_from_the_output_folder_is_not_swept()
        {
            string root = Jobs.TempDirectory();
            string output = Path.Combine(root, "out");
            string elsewhere = Path.Combine(root, "someone-elses");
            Directory.CreateDirectory(output);
            Directory.CreateDirectory(elsewhere);
            string theirs = Path.Combine(elsewhere, OrphanName());
            File.WriteAllText(theirs, "not ours to delete");
            Directory.CreateSymbolicLink(Path.Combine(output, "linked"), elsewhere);

            AtomicFile.RemoveOrphanedTemps(output);

            Assert.True(File.Exists(theirs), "a file reached through a symbolic link was deleted");
        }

        [Fact]
        public void A_file_linked_from_the_output_folder_under_a_temporary_name_is_left_alone()
        {
            string root = Jobs.TempDirectory();
            string output = Path.Combine(root, "out");
            Directory.CreateDirectory(output);
            string target = Path.Combine(root, "precious.txt");
            File.WriteAllText(target, "x");
            string link = Path.Combine(output, OrphanName());
            File.CreateSymbolicLink(link, target);

            AtomicFile.RemoveOrphanedTemps(output);

            Assert.True(File.Exists(link), "a link was treated as a temporary file of this module");
        }

        [Fact]
        public void Only_the_module_folders_depth_is_swept_not_a_users_tree_below_it()
        {
            string output = Jobs.TempDirectory();
            string layoutFolder = Path.Combine(output, "low");          // -Layout ByQuality writes one level down
            string deep = Path.Combine(output, "archive", "2025", "x"); // never written by the module
            Directory.CreateDirectory(layoutFolder);
            Directory.CreateDirectory(deep);
            string inLayout = Path.Combine(layoutFolder, OrphanName());
            string inDeep = Path.Combine(deep, OrphanName());
            File.WriteAllText(inLayout, "half an image");
            File.WriteAllText(inDeep, "someone's");

            AtomicFile.RemoveOrphanedTemps(output);

            Assert.False(File.Exists(inLayout), "an orphan in a layout folder was kept");
            Assert.True(File.Exists(inDeep), "the sweep went deeper than any folder the module writes");
        }

        [Theory]
        [InlineData(".gptimage-tmp-keep.png")]
        [InlineData(".gptimage-tmp-keep")]
        [InlineData(".gptimage-tmp-2147483647-notahexguid.tmp")]
        [InlineData(".gptimage-tmp-2147483647-0123456789abcdef0123456789abcdef.png")]
        public void A_file_that_only_starts_like_a_temporary_name_is_kept(string name)
        {
            string output = Jobs.TempDirectory();
            string path = Path.Combine(output, name);
            File.WriteAllText(path, "a finished image");

            AtomicFile.RemoveOrphanedTemps(output);

            Assert.True(File.Exists(path), $"'{name}' is not a temporary name this module makes, yet it was deleted");
        }

        [Fact]
        public void An_unreadable_subfolder_is_passed_over_and_the_rest_is_swept()
        {
            string output = Jobs.TempDirectory();
            string locked = Path.Combine(output, "lost+found");
            Directory.CreateDirectory(locked);
            string orphan = Path.Combine(output, OrphanName());
            File.WriteAllText(orphan, "half an image");

            // chmod 000 denies nothing to root (tests may run as root): make the listing of that folder fail instead.
            int removed = TempFileSweep.RemoveOrphans(output, folder =>
                string.Equals(folder.FullName.TrimEnd(Path.DirectorySeparatorChar), locked, StringComparison.Ordinal)
                    ? throw new UnauthorizedAccessException("Access to the path '" + locked + "' is denied.")
                    : folder.EnumerateFileSystemInfos());

            Assert.Equal(1, removed);
            Assert.False(File.Exists(orphan));
        }

        [Fact]
        public void An_unreadable_output_folder_is_not_an_error_of_the_sweep()
        {
            string output = Jobs.TempDirectory();
            int removed = TempFileSweep.RemoveOrphans(output, _ => throw new UnauthorizedAccessException("denied"));
            Assert.Equal(0, removed);
        }

        [Theory]
        [InlineData(".gptimage-tmp-keep")]
        [InlineData(".GPTIMAGE-TMP-1-0123456789abcdef0123456789abcdef.tmp")]
        public void No_file_name_from_a_template_takes_the_temporary_form(string sku)
        {
            var result = new GptImageResult { Format = "png", SourceFields = new System.Collections.Generic.Dictionary<string, string?> { ["Sku"] = sku } };
            string name = FileNamer.Name("{Sku}", result);
            Assert.False(name.StartsWith(AtomicFile.TempPrefix, StringComparison.OrdinalIgnoreCase), name);
        }
    }
}

namespace GptImage.Tests.Output
{
    public class ExportSweepTests
    {
        [Fact]
        public void An_export_sweeps_what_a_killed_export_left_in_its_destination()
        {
            string destination = Jobs.TempDirectory();
            Directory.CreateDirectory(Path.Combine(destination, "low"));
            string top = Path.Combine(destination, AtomicFile.TempPrefix + int.MaxValue + "-" + Guid.NewGuid().ToString("N") + ".tmp");
            string inLayout = Path.Combine(destination, "low", AtomicFile.TempPrefix + int.MaxValue + "-" + Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(top, "half");
            File.WriteAllText(inLayout, "half");

            _ = new ExportWriter(new ExportOptions { DestinationPath = destination, Layout = FileLayout.ByQuality });

            Assert.False(File.Exists(top), "a temporary file of a killed export was left in the destination");
            Assert.False(File.Exists(inLayout), "a temporary file of a killed export was left in a layout folder");
        }
    }
}
