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
