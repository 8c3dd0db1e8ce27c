using System.Management.Automation;
using GptImage.Commands;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>
    /// Which path failures are one row's error (the batch goes on). A CSV written on Windows and read on Linux has
    /// 'C:\...' paths: PowerShell throws DriveNotFoundException for them, which used to end Measure-GptImageCost and
    /// Submit-GptImageBatchJob at the first such row.
    /// </summary>
    public sealed class PathResolutionErrorTests
    {
        [Theory]
        [InlineData(typeof(ItemNotFoundException))]
        [InlineData(typeof(System.Management.Automation.DriveNotFoundException))]
        [InlineData(typeof(ProviderNotFoundException))]
        [InlineData(typeof(WildcardPatternException))]
        public void A_path_that_cannot_be_resolved_is_a_per_row_error(Type exceptionType) =>
            Assert.True(FileSystemPaths.IsResolutionErrorType(exceptionType));

        [Theory]
        [InlineData(typeof(InvalidOperationException))]
        [InlineData(typeof(PipelineStoppedException))]
        [InlineData(typeof(OutOfMemoryException))]
        public void Other_failures_are_not_taken_for_a_bad_path(Type exceptionType) =>
            Assert.False(FileSystemPaths.IsResolutionErrorType(exceptionType));
    }
}
