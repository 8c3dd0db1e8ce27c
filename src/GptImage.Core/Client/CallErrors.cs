using System;
using System.Collections.Generic;

namespace GptImage
{
    /// <summary>
    /// What an error answer means for one kind of call. The image calls use the shared advice ("Check -Model" for a
    /// 404, "lower -ThrottleLimit" for a rate limit); the files and batches calls say what their own answers mean, so
    /// the advice fits the cmdlet that made the call and the status it got.
    /// </summary>
    internal sealed class CallErrors
    {
        /// <summary>Image generations and edits: the classifier's ids and advice, a 409 retried like a passing fault.</summary>
        public static readonly CallErrors Images = new CallErrors();

        /// <summary>
        /// A conversation turn (POST /responses): the image calls' ids and advice, plus an earlier turn the server no
        /// longer has (previous_response_not_found), which is its own error with its own advice.
        /// </summary>
        public static readonly CallErrors Conversation = new CallErrors { Service = "Responses API" }
            .WithCode("previous_response_not_found", ErrorIds.PreviousResponseNotFound,
                "The server has no response with that id (it was made with another key or project, deleted, or is older than the API keeps them): start a new conversation, giving the last image with -Path.");

        /// <summary>What answered, as error messages name it: "The image API answered 400 ...".</summary>
        public string Service { get; private set; } = "image API";

        private readonly Dictionary<string, string> _advice = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _idByCode = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>An error code of the API's that gets an id (and advice) of its own, whatever its status.</summary>
        public CallErrors WithCode(string code, string errorId, string advice)
        {
            _idByCode[code] = errorId;
            return With(errorId, advice);
        }

        /// <summary>
        /// A call of the files and batches API (Submit-, Get-, Receive-, Stop-GptImageBatchJob): a rate limit is advice to
        /// wait (those cmdlets have no -ThrottleLimit), <paramref name="notFound"/> says what a 404 means for this call.
        /// </summary>
        public static CallErrors BatchApi(string notFound) => new CallErrors()
            .With(ErrorIds.RateLimited, "The account's rate limit was reached and the client already waited and retried: wait a minute, then run the command again.")
            .With(ErrorIds.NotFound, notFound);

        /// <summary>Replaces the advice for one error id.</summary>
        public CallErrors With(string errorId, string advice)
        {
            _advice[errorId] = advice;
            return this;
        }

        /// <summary>
        /// A 409 that means the object's state forbids the call (cancelling a finished batch): that answer gets
        /// <paramref name="errorId"/> and <paramref name="advice"/> and is never retried, since asking again cannot change the state.
        /// </summary>
        public CallErrors ConflictIsFinal(string errorId, string advice)
        {
            ConflictErrorId = errorId;
            return With(errorId, advice);
        }

        /// <summary>Set by <see cref="ConflictIsFinal"/>; null: a 409 is a passing conflict, retried.</summary>
        public string? ConflictErrorId { get; private set; }

        public string ErrorIdFor(int status, string? code, string? type, string? message) =>
            code != null && _idByCode.TryGetValue(code, out string? byCode) ? byCode
            : status == 409 && ConflictErrorId != null ? ConflictErrorId : ApiErrorClassifier.ErrorIdFor(status, code, type, message);

        public bool IsTransient(int status, string? code, string? type) =>
            !(status == 409 && ConflictErrorId != null) && ApiErrorClassifier.IsTransient(status, code, type);

        public string? AdviceFor(string errorId) =>
            _advice.TryGetValue(errorId, out string? advice) ? advice : ApiErrorClassifier.AdviceFor(errorId);
    }
}
