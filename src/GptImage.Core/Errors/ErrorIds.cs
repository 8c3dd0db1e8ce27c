namespace GptImage
{
    /// <summary>
    /// Stable error ids. Cmdlets use them as ErrorRecord.FullyQualifiedErrorId, so runbooks can branch on
    /// them; never rename one.
    /// </summary>
    public static class ErrorIds
    {
        // Request validation (before any network call)
        public const string InvalidPrompt = "GptImage.InvalidPrompt";
        public const string InvalidModel = "GptImage.InvalidModel";
        public const string InvalidSize = "GptImage.InvalidSize";
        public const string InvalidQuality = "GptImage.InvalidQuality";
        public const string InvalidOutputFormat = "GptImage.InvalidOutputFormat";
        public const string InvalidCompression = "GptImage.InvalidCompression";
        public const string InvalidBackground = "GptImage.InvalidBackground";
        public const string InvalidModeration = "GptImage.InvalidModeration";
        public const string InvalidCount = "GptImage.InvalidCount";
        public const string InvalidPartialImages = "GptImage.InvalidPartialImages";
        public const string InvalidInputFidelity = "GptImage.InvalidInputFidelity";
        public const string InvalidImage = "GptImage.InvalidImage";
        public const string TooManyImages = "GptImage.TooManyImages";
        public const string ImageTooLarge = "GptImage.ImageTooLarge";
        public const string InvalidMask = "GptImage.InvalidMask";
        public const string MaskMismatch = "GptImage.MaskMismatch";
        public const string InvalidEndpoint = "GptImage.InvalidEndpoint";
        public const string InsecureEndpoint = "GptImage.InsecureEndpoint";
        public const string MissingApiKey = "GptImage.MissingApiKey";
        public const string InvalidSetting = "GptImage.InvalidSetting";

        // API answers
        public const string RateLimited = "GptImage.RateLimited";
        public const string QuotaExceeded = "GptImage.QuotaExceeded";
        public const string ModerationBlocked = "GptImage.ModerationBlocked";
        public const string Unauthorized = "GptImage.Unauthorized";
        public const string OrganizationNotVerified = "GptImage.OrganizationNotVerified";
        public const string NotFound = "GptImage.NotFound";
        public const string BadRequest = "GptImage.BadRequest";
        public const string ServerError = "GptImage.ServerError";
        public const string NetworkError = "GptImage.NetworkError";
        public const string Timeout = "GptImage.Timeout";
        public const string InvalidResponse = "GptImage.InvalidResponse";
        public const string PreviousResponseNotFound = "GptImage.PreviousResponseNotFound";
        public const string UnsafeRedirect = "GptImage.UnsafeRedirect";

        // Local work
        public const string FileExists = "GptImage.FileExists";
        public const string DuplicateFileName = "GptImage.DuplicateFileName";
        public const string TemplateColumnMissing = "GptImage.TemplateColumnMissing";
        public const string InvalidTemplate = "GptImage.InvalidTemplate";
        public const string InvalidTemplateFile = "GptImage.InvalidTemplateFile";
        public const string TemplateNotFound = "GptImage.TemplateNotFound";
        public const string InvalidAdditionalBody = "GptImage.InvalidAdditionalBody";
        public const string InvalidAdditionalHeader = "GptImage.InvalidAdditionalHeader";

        /// <summary>A generation row given to Edit-GptImage (no image), or an edit row (a file, a Path column) to New-GptImage.</summary>
        public const string WrongRowKind = "GptImage.WrongRowKind";
        public const string WriteFailed = "GptImage.WriteFailed";
        public const string UnexpectedError = "GptImage.UnexpectedError";
        public const string InvalidThrottleLimit = "GptImage.InvalidThrottleLimit";
        public const string InvalidMaxCost = "GptImage.InvalidMaxCost";
        public const string InvalidManifestPath = "GptImage.InvalidManifestPath";
        public const string InvalidDestinationPath = "GptImage.InvalidDestinationPath";

        /// <summary>Export-GptImageBatch: a -Tier table, -TierBy or -ThumbnailWidth that cannot be used (found before anything is written).</summary>
        public const string InvalidTier = "GptImage.InvalidTier";

        /// <summary>Export-GptImageBatch: a result whose tier cannot be told (the -TierBy column is missing, or its value has no tier and there is no '*').</summary>
        public const string TierNotFound = "GptImage.TierNotFound";
        public const string ParameterConflict = "GptImage.ParameterConflict";
        public const string CostLimitReached = "GptImage.CostLimitReached";
    }
}
