using System;
using System.Threading;
using System.Threading.Tasks;
using GptImage.Emulator.Http;
using Microsoft.AspNetCore.Http;

namespace GptImage.Emulator.Pipeline
{
    /// <summary>Carries out a chosen fault. Returns false for None and TruncateBody (those still build an answer).</summary>
    internal static class FaultResponder
    {
        public static async Task<bool> TryRespondAsync(HttpContext context, RecordedRequest record, FaultKind fault, TimeSpan? announcedWait,
            string model, EmulatorOptions options, CancellationToken ct)
        {
            TimeSpan wait = announcedWait ?? options.RateLimitRetryAfter;
            ApiError? error = fault switch
            {
                FaultKind.ServerError => ApiError.ServerError(),
                FaultKind.Overloaded => ApiError.Overloaded(wait),
                FaultKind.BadGateway => ApiError.WithStatus(502, "Bad gateway."),
                FaultKind.GatewayTimeout => ApiError.WithStatus(504, "Gateway timeout."),
                FaultKind.RequestTimeout => ApiError.WithStatus(408, "Request timeout."),
                FaultKind.Conflict => ApiError.WithStatus(409, "The request conflicted with another one in progress; try again."),
                FaultKind.RateLimited => ApiError.RateLimited(model, "requests per min (RPM): burst limit", wait),
                FaultKind.InsufficientQuota => ApiError.InsufficientQuota(),
                FaultKind.OrganizationNotVerified => ApiError.OrganizationNotVerified(model),
                _ => null,
            };
            if (error != null)
            {
                await ErrorWriter.WriteAsync(context, error, options, record).ConfigureAwait(false);
                return true;
            }
            switch (fault)
            {
                case FaultKind.DropConnection:
                    record.StatusCode = 0;
                    record.Outcome = RequestOutcome.Dropped;
                    context.Abort();
                    return true;
                case FaultKind.Hang:
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                    return true;
                default:
                    return false;
            }
        }
    }
}
