using System.IO;
using GptImage.Commands;
using Xunit;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>Which piped records Submit-GptImageBatchJob and Measure-GptImageCost take as the file of an edit.</summary>
    public sealed class PipedFileTests
    {
        [Fact]
        public void A_piped_file_gives_its_full_path_and_nothing_else_does()
        {
            string folder = Path.Combine(Path.GetTempPath(), "gptimage-pipedfile-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            string file = Path.Combine(folder, "shot[1].png");
            File.WriteAllBytes(file, new byte[] { 1 });
            try
            {
                Assert.Equal(file, PipedFile.PathOf(new FileInfo(file)));
                Assert.Null(PipedFile.PathOf(new DirectoryInfo(folder)));
                Assert.Null(PipedFile.PathOf("shot.png"));   // a piped string is a prompt, never a path
                Assert.Null(PipedFile.PathOf(null));
            }
            finally { Directory.Delete(folder, true); }
        }
    }
}
