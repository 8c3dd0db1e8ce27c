using System;

namespace GptImage.Emulator
{
    /// <summary>What a scripted (or randomly chosen) fault does to one image call.</summary>
    public enum FaultKind
    {
        /// <summary>Answer normally: lets a script say "this call succeeds".</summary>
        None,
        ServerError,            // 500 server_error
        Overloaded,             // 503 server_is_overloaded
        BadGateway,             // 502
        GatewayTimeout,         // 504
        RequestTimeout,         // 408
        Conflict,               // 409
        RateLimited,            // 429 rate_limit_exceeded + Retry-After
        InsufficientQuota,      // 429 insufficient_quota
        OrganizationNotVerified,// 403 for the model
        DropConnection,         // abort before any byte
        TruncateBody,           // 200 with half the promised body, then abort
        Hang,                   // never answer until the client gives up
    }

    /// <summary>One scripted fault; <see cref="RetryAfter"/> overrides the announced wait of a 429 or 503.</summary>
    public sealed record EmulatorFault(FaultKind Kind, TimeSpan? RetryAfter = null)
    {
        public static EmulatorFault Succeed => new(FaultKind.None);
        public static EmulatorFault ServerError => new(FaultKind.ServerError);
        public static EmulatorFault Overloaded => new(FaultKind.Overloaded);
        public static EmulatorFault InsufficientQuota => new(FaultKind.InsufficientQuota);
        public static EmulatorFault Drop => new(FaultKind.DropConnection);
        public static EmulatorFault Truncate => new(FaultKind.TruncateBody);
        public static EmulatorFault Hang => new(FaultKind.Hang);
        public static EmulatorFault RateLimited(TimeSpan? retryAfter = null) => new(FaultKind.RateLimited, retryAfter);
    }
}
