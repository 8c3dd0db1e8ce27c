using System.IO;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Orchestration
{
    public class AtomicFileTests
    {
        [Fact]
        public void Creates_leaves_identical_content_alone_and_refuses_other_content()
        {
            string path = Path.Combine(Jobs.TempDirectory(), "sub", "a.png");
            Assert.Equal(WriteOutcome.Created, AtomicFile.Write(path, new byte[] { 1, 2, 3 }, overwrite: false));
            Assert.Equal(WriteOutcome.AlreadyPresent, AtomicFile.Write(path, new byte[] { 1, 2, 3 }, overwrite: false));
            var e = Assert.Throws<GptImageBatchException>(() => AtomicFile.Write(path, new byte[] { 9 }, overwrite: false));
            Assert.Equal(ErrorIds.FileExists, e.ErrorId);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(path));
            Assert.Equal(WriteOutcome.Replaced, AtomicFile.Write(path, new byte[] { 9 }, overwrite: true));
            Assert.Equal(new byte[] { 9 }, File.ReadAllBytes(path));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, AtomicFile.TempPrefix + "*"));
        }
    }
}

namespace GptImage.Tests.Orchestration
{
    public class OrphanedTempTests
    {
        [Fact]
        public void Temps_of_dead_processes_are_swept_and_those_of_live_ones_kept()
        {
            string dir = Jobs.TempDirectory();
            Directory.CreateDirectory(Path.Combine(dir, "ab"));
            string dead = Path.Combine(dir, "ab", AtomicFile.TempPrefix + int.MaxValue + "-" + System.Guid.NewGuid().ToString("N") + ".tmp");
            string live = Path.Combine(dir, AtomicFile.TempPrefix + System.Environment.ProcessId + "-" + System.Guid.NewGuid().ToString("N") + ".tmp");
            File.WriteAllText(dead, "half an image");
            File.WriteAllText(live, "being written");
            Assert.Equal(1, AtomicFile.RemoveOrphanedTemps(dir));
            Assert.False(File.Exists(dead));
            Assert.True(File.Exists(live));
        }
    }
}
