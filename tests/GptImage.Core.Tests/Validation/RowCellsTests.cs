using Xunit;

namespace GptImage.Tests.Validation
{
    /// <summary>A row's cells become request values only when they are exactly a value; a bad cell is the row's error.</summary>
    public class RowCellsTests
    {
        [Theory]
        [InlineData("4", 4)]
        [InlineData(" 4 ", 4)]
        [InlineData("+2", 2)]
        public void A_whole_number_cell_is_read(string cell, int expected) =>
            Assert.Equal(expected, RowCells.WholeNumber(cell, ErrorIds.InvalidCount, "Count", "a whole number"));

        [Theory]
        [InlineData("")]
        [InlineData("  ")]
        [InlineData(null)]
        public void A_blank_cell_is_not_given(string? cell) =>
            Assert.Null(RowCells.WholeNumber(cell, ErrorIds.InvalidCount, "Count", "a whole number"));

        [Theory]
        [InlineData("abc")]
        [InlineData("1.5")]
        [InlineData("99999999999")]
        [InlineData("1e3")]
        public void Anything_else_is_an_error_naming_the_value(string cell)
        {
            var e = Assert.Throws<GptImageValidationException>(() => RowCells.WholeNumber(cell, ErrorIds.InvalidCount, "Count", "a whole number"));
            Assert.Equal(ErrorIds.InvalidCount, e.ErrorId);
            Assert.Contains("'" + cell + "'", e.Message);
        }

        [Fact]
        public void An_error_told_as_a_row_names_the_row_the_record_and_the_column()
        {
            var e = new GptImageValidationException(ErrorIds.InvalidQuality, "Quality", "ultra", "one of low, medium, high, auto.");
            Assert.Equal("-Quality 'ultra' is not allowed: one of low, medium, high, auto.", e.Message);
            var inRow = e.InRow(3, "quality", "shot.png");
            Assert.Equal("Row 3 (shot.png): column quality 'ultra' is not allowed: one of low, medium, high, auto.", inRow.Message);
            Assert.Equal(ErrorIds.InvalidQuality, inRow.ErrorId);
            Assert.Equal("Row 2: -Size (none) is not allowed: x", new GptImageValidationException(ErrorIds.InvalidSize, "Size", null, "x").InRow(2, null, null).Message);
        }
    }
}
