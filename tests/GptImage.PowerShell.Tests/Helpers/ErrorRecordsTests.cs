using System.Management.Automation;
using GptImage.Commands;
using GptImage.Orchestration;

namespace GptImage.PowerShell.Tests.Helpers
{
    /// <summary>The id and category every core failure gets in its ErrorRecord (pure mapping; no engine involved).</summary>
    public sealed class ErrorRecordsTests
    {
        [Theory]
        [InlineData(ErrorIds.RateLimited, ErrorCategory.LimitsExceeded)]
        [InlineData(ErrorIds.QuotaExceeded, ErrorCategory.QuotaExceeded)]
        [InlineData(ErrorIds.Unauthorized, ErrorCategory.AuthenticationError)]
        [InlineData(ErrorIds.ModerationBlocked, ErrorCategory.PermissionDenied)]
        [InlineData(ErrorIds.ServerError, ErrorCategory.ResourceUnavailable)]
        [InlineData(ErrorIds.NetworkError, ErrorCategory.ConnectionError)]
        [InlineData(ErrorIds.Timeout, ErrorCategory.OperationTimeout)]
        [InlineData(ErrorIds.InvalidResponse, ErrorCategory.InvalidResult)]
        [InlineData(ErrorIds.BadRequest, ErrorCategory.InvalidOperation)]
        public void Api_failures_keep_their_id_and_get_a_real_category(string errorId, ErrorCategory expected)
        {
            var error = new GptImageApiException(errorId, "the service said no");
            Assert.Equal(errorId, ErrorRecords.ErrorIdOf(error));
            Assert.Equal(expected, ErrorRecords.CategoryOf(error, errorId));
        }

        [Fact]
        public void The_text_an_ErrorRecord_shows_never_holds_a_key_even_when_the_exception_echoes_one()
        {
            // As OpenAI words a 401, with the key the caller sent; an exception made outside the client is not redacted at source.
            const string key = "sk-proj-FAKE_ECHOEDKEY0123456789abcdefSECRET";
            var error = new GptImageApiException(ErrorIds.Unauthorized, "Incorrect API key provided: " + key + ". (401 invalid_api_key)")
            {
                Advice = "Check the key sk-proj-FAKE_ECHOEDKEY0123456789abcdefSECRET or run Connect-GptImage again.",
            };
            string shown = ErrorRecords.DisplayMessage(error), action = ErrorRecords.RecommendedAction(error)!;
            Assert.DoesNotContain("ECHOEDKEY", shown);
            Assert.DoesNotContain("ECHOEDKEY", action);
            Assert.Contains("Incorrect API key provided: sk-***", shown);
            Assert.Contains("Connect-GptImage", action);
            Assert.Equal("Allowed: multiples of 16", ErrorRecords.RecommendedAction(new GptImageValidationException(ErrorIds.InvalidSize, "Size", "999x7", "multiples of 16")));
        }

        [Fact]
        public void Validation_failures_are_InvalidArgument_with_their_id()
        {
            var error = new GptImageValidationException(ErrorIds.InvalidSize, "Size", "999x7", "multiples of 16");
            Assert.Equal(ErrorIds.InvalidSize, ErrorRecords.ErrorIdOf(error));
            Assert.Equal(ErrorCategory.InvalidArgument, ErrorRecords.CategoryOf(error, error.ErrorId));
        }

        [Fact]
        public void A_missing_template_column_is_InvalidData()
        {
            var error = new GptImageValidationException(ErrorIds.TemplateColumnMissing, "Template", "{Colour}", "a column of the row");
            Assert.Equal(ErrorCategory.InvalidData, ErrorRecords.CategoryOf(error, error.ErrorId));
        }

        [Fact]
        public void Batch_failures_keep_their_id()
        {
            var exists = new GptImageBatchException(ErrorIds.FileExists, "already there");
            Assert.Equal(ErrorIds.FileExists, ErrorRecords.ErrorIdOf(exists));
            Assert.Equal(ErrorCategory.ResourceExists, ErrorRecords.CategoryOf(exists, exists.ErrorId));
            var limit = new GptImageBatchException(ErrorIds.CostLimitReached, "over budget");
            Assert.Equal(ErrorCategory.LimitsExceeded, ErrorRecords.CategoryOf(limit, limit.ErrorId));
        }

        [Fact]
        public void Unreadable_images_keep_the_imaging_id()
        {
            var error = new GptImageImageException(ImageErrorIds.Truncated, "cut short", "x.png");
            Assert.Equal(ImageErrorIds.Truncated, ErrorRecords.ErrorIdOf(error));
            Assert.Equal(ErrorCategory.InvalidData, ErrorRecords.CategoryOf(error, error.ErrorId));
        }

        public static TheoryData<string> AllErrorIds()
        {
            var ids = new TheoryData<string>();
            foreach (var field in typeof(ErrorIds).GetFields())
                ids.Add((string)field.GetValue(null)!);
            return ids;
        }

        [Theory]
        [MemberData(nameof(AllErrorIds))]
        public void Every_core_error_id_gets_a_real_category(string errorId)
        {
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.CategoryOf(new GptImageApiException(errorId, "x"), errorId));
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.CategoryOf(new GptImageBatchException(errorId, "x"), errorId));
        }

        [Fact]
        public void A_failed_write_is_a_WriteError()
        {
            var error = new GptImageBatchException(ErrorIds.WriteFailed, "disk full");
            Assert.Equal(ErrorCategory.WriteError, ErrorRecords.CategoryOf(error, ErrorRecords.ErrorIdOf(error)));
        }

        [Theory]
        [InlineData(typeof(IOException), ErrorCategory.WriteError)]
        [InlineData(typeof(UnauthorizedAccessException), ErrorCategory.PermissionDenied)]
        [InlineData(typeof(FileNotFoundException), ErrorCategory.ObjectNotFound)]
        [InlineData(typeof(InvalidOperationException), ErrorCategory.InvalidOperation)]
        [InlineData(typeof(OperationCanceledException), ErrorCategory.OperationStopped)]
        public void Other_failures_never_get_NotSpecified(Type exceptionType, ErrorCategory expected)
        {
            var error = (Exception)Activator.CreateInstance(exceptionType)!;
            string id = ErrorRecords.ErrorIdOf(error);
            Assert.StartsWith("GptImage.", id);
            Assert.Equal(expected, ErrorRecords.CategoryOf(error, id));
            Assert.NotEqual(ErrorCategory.NotSpecified, ErrorRecords.CategoryOf(error, id));
        }
    }
}
