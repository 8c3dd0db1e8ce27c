using System;
using System.IO;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Turns the core's exceptions into ErrorRecords: the core's stable ErrorId as FullyQualifiedErrorId, a real
    /// category (never NotSpecified), the input row as TargetObject, and the advice as ErrorDetails.RecommendedAction.
    /// The core's messages never hold the API key; as a second line of defence the text the host shows (ErrorDetails)
    /// is passed through the client's redactor again, so an exception made anywhere else cannot print a key either.
    /// </summary>
    internal static class ErrorRecords
    {
        private static readonly SecretRedactor Redactor = new SecretRedactor(null);

        public static ErrorRecord From(Exception error, object? target)
        {
            string errorId = ErrorIdOf(error);
            var record = new ErrorRecord(error, errorId, CategoryOf(error, errorId), target);
            record.ErrorDetails = new ErrorDetails(DisplayMessage(error)) { RecommendedAction = RecommendedAction(error) };
            return record;
        }

        /// <summary>
        /// The error of a row the engine ran (an API refusal, a write that failed): named by its row like a bad cell is,
        /// and by its image when it is an edit of one file, so a log of an overnight run says which row to look at.
        /// </summary>
        public static ErrorRecord ForJob(Exception error, ImageJob job)
        {
            if (job.RowNumber <= 0) return From(error, job.Source);
            string? image = job.Request is ImageEditRequest edit && edit.Images.Count == 1 && edit.Images[0].Path is string path
                ? Path.GetFileName(path) : null;
            return ForRow(error, job.Source, job.RowNumber, image);
        }

        /// <summary>
        /// The error of one input row, which its message names ("Row 3 (shot.png): ..."). A path that cannot be resolved
        /// is GptImage.ImageNotFound; the core's validation errors already carry the row (and the column) themselves.
        /// </summary>
        public static ErrorRecord ForRow(Exception error, object? target, int row, string? label)
        {
            ErrorRecord record = FileSystemPaths.IsResolutionError(error)
                ? new ErrorRecord(error, "GptImage.ImageNotFound", ErrorCategory.ObjectNotFound, target)
                : From(error, target);
            if (!(error is GptImageValidationException { RowNumber: not null }))
                record.ErrorDetails = new ErrorDetails(GptImageValidationException.RowPrefix(row, label) + DisplayMessage(error))
                {
                    RecommendedAction = record.ErrorDetails?.RecommendedAction,
                };
            return record;
        }

        /// <summary>The message the host shows for the error, with key-shaped text removed.</summary>
        internal static string DisplayMessage(Exception error) => Redactor.Redact(error.Message) ?? string.Empty;

        /// <summary>What to do about it (the core's advice), with key-shaped text removed; null when there is none.</summary>
        internal static string? RecommendedAction(Exception error) => Redactor.Redact(AdviceOf(error));

        public static string ErrorIdOf(Exception error) => error switch
        {
            GptImageValidationException v => v.ErrorId,
            GptImageApiException a => a.ErrorId,
            GptImageBatchException b => b.ErrorId,
            GptImageImageException i => i.ErrorId,
            GptImage.Templates.GptImageTemplateException t => t.ErrorId,
            OperationCanceledException => "GptImage.Cancelled",
            _ => ErrorIds.UnexpectedError,
        };

        public static ErrorCategory CategoryOf(Exception error, string errorId)
        {
            switch (errorId)
            {
                case ErrorIds.RateLimited: return ErrorCategory.LimitsExceeded;
                case ErrorIds.CostLimitReached: return ErrorCategory.LimitsExceeded;
                case ErrorIds.QuotaExceeded: return ErrorCategory.QuotaExceeded;
                case ErrorIds.Unauthorized: return ErrorCategory.AuthenticationError;
                case ErrorIds.MissingApiKey: return ErrorCategory.AuthenticationError;
                // The service refused this content: the caller lacks permission for it, retrying will not help.
                case ErrorIds.ModerationBlocked: return ErrorCategory.PermissionDenied;
                case ErrorIds.OrganizationNotVerified: return ErrorCategory.PermissionDenied;
                case ErrorIds.NotFound: return ErrorCategory.ObjectNotFound;
                case ErrorIds.PreviousResponseNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorIds.ServerError: return ErrorCategory.ResourceUnavailable;
                case ErrorIds.NetworkError: return ErrorCategory.ConnectionError;
                case ErrorIds.Timeout: return ErrorCategory.OperationTimeout;
                case ErrorIds.InvalidResponse: return ErrorCategory.InvalidResult;
                case ErrorIds.FileExists: return ErrorCategory.ResourceExists;
                case ErrorIds.WriteFailed: return ErrorCategory.WriteError;
                case ErrorIds.TemplateColumnMissing: return ErrorCategory.InvalidData;
                case ErrorIds.InvalidTemplateFile: return ErrorCategory.InvalidData;
                case ErrorIds.TemplateNotFound: return ErrorCategory.ObjectNotFound;
                case ErrorIds.InvalidEndpoint: return ErrorCategory.InvalidArgument;
                case ErrorIds.InsecureEndpoint: return ErrorCategory.SecurityError;
                case ErrorIds.UnsafeRedirect: return ErrorCategory.SecurityError;
            }
            return error switch
            {
                GptImageValidationException => ErrorCategory.InvalidArgument,
                GptImageImageException => ErrorCategory.InvalidData,
                GptImageApiException => ErrorCategory.InvalidOperation,
                OperationCanceledException => ErrorCategory.OperationStopped,
                UnauthorizedAccessException => ErrorCategory.PermissionDenied,
                FileNotFoundException => ErrorCategory.ObjectNotFound,
                DirectoryNotFoundException => ErrorCategory.ObjectNotFound,
                IOException => ErrorCategory.WriteError,
                ArgumentException => ErrorCategory.InvalidArgument,
                _ => ErrorCategory.InvalidOperation,
            };
        }

        private static string? AdviceOf(Exception error) => error switch
        {
            GptImageApiException a => a.Advice,
            GptImageValidationException v => "Allowed: " + v.Allowed,
            _ => null,
        };
    }
}
