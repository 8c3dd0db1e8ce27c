using System;
using System.Collections.Generic;
using System.Text;
using GptImage.Orchestration;
using Xunit;

namespace GptImage.Tests.Review
{
    public class FileNameLengthTests
    {
        private static GptImageResult Result(string title) => new GptImageResult
        {
            Index = 0, RowNumber = 1, Model = "gpt-image-2", Format = "png",
            SourceFields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Title"] = title },
        };

        [Theory]
        [InlineData('灯')]   // 3 UTF-8 bytes per character
        [InlineData('é')]    // 2 UTF-8 bytes per character
        public void A_long_non_ascii_name_fits_the_255_byte_limit_of_Linux_and_macOS_file_systems(char letter)
        {
            // ext4, APFS and friends limit a name to 255 bytes of UTF-8, not 255 characters.
            string name = FileNamer.Name("{Title}", Result(new string(letter, 200)));
            Assert.True(Encoding.UTF8.GetByteCount(name) <= 255, $"'{name}' is {Encoding.UTF8.GetByteCount(name)} bytes");
            Assert.EndsWith(".png", name);
            Assert.StartsWith(new string(letter, 10), name);
        }

        [Fact]
        public void Shortening_never_splits_a_surrogate_pair()
        {
            // 149 ASCII letters then emoji: a cut at 150 UTF-16 units would keep half of the first emoji.
            string title = new string('a', 149) + string.Concat(System.Linq.Enumerable.Repeat("\U0001F600", 20));
            string name = FileNamer.Name("{Title}", Result(title));
            for (int i = 0; i < name.Length; i++)
            {
                if (char.IsHighSurrogate(name[i])) Assert.True(i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]), $"lone high surrogate at {i}");
                else if (char.IsLowSurrogate(name[i])) Assert.True(i > 0 && char.IsHighSurrogate(name[i - 1]), $"lone low surrogate at {i}");
            }
            Assert.True(Encoding.UTF8.GetByteCount(name) <= 255);
        }
    }
}
