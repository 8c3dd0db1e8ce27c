namespace GptImage
{
    /// <summary>
    /// What an error answer means for one kind of call. The image calls use the shared advice ("Check -Model" for a
    /// 404); a call on a batch or a file says what its own 404 and 409 mean, so the advice fits the cmdlet that made it.
    /// </summary>
    internal sealed class CallErrors
    {
        /// <summary>Image generations and edits: the classifier's ids and advice, a 409 retried like a passing fault.</summary>
        public static readonly CallErrors Images = new CallErrors();

        /// <summary>Advice for a 404 on this call (the thing it names does not exist); null: the shared advice.</summary>
        public string? NotFoundAdvice { get; init; }

        /// <summary>
        /// Set when a 409 means the object's state forbids the call (cancelling a finished batch): that answer gets this id,
        /// <see cref="ConflictAdvice"/>, and is never retried, since asking again cannot change the state.
        /// </summary>
        public string? ConflictErrorId { get; init; }

        public string? ConflictAdvice { get; init; }

        /// <summary>Whether a 409 on this call is final rather than worth another attempt.</summary>
        public bool ConflictIsFinal => ConflictErrorId != null;

        public string ErrorIdFor(int status, string? code, string? type, string? message) =>
            status == 409 && ConflictIsFinal ? ConflictErrorId! : ApiErrorClassifier.ErrorIdFor(status, code, type, message);

        public bool IsTransient(int status, string? code, string? type) =>
            !(status == 409 && ConflictIsFinal) && ApiErrorClassifier.IsTransient(status, code, type);

        public string? AdviceFor(int status, string errorId) =>
            (status == 404 ? NotFoundAdvice : null)
            ?? (status == 409 && ConflictIsFinal ? ConflictAdvice : null)
            ?? ApiErrorClassifier.AdviceFor(errorId);
    }
}
