using System;
using System.Collections.Generic;

namespace GptImage.Orchestration
{
    /// <summary>One pipeline row: the request to send (an <see cref="ImageEditRequest"/> for edits) and where it came from.</summary>
    public sealed class ImageJob
    {
        private static readonly IReadOnlyDictionary<string, string?> NoFields =
            new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

        public ImageJob(ImageGenerationRequest request)
        {
            Request = request ?? throw new ArgumentNullException(nameof(request));
        }

        /// <summary>1-based position in the pipeline; 0 lets the session number rows in submission order.</summary>
        public int RowNumber { get; set; }

        /// <summary>The original pipeline object (a PSObject in the cmdlets), handed back in results and errors.</summary>
        public object? Source { get; set; }

        /// <summary>The row's properties as text. The PowerShell layer builds it; lookups ignore case.</summary>
        public IReadOnlyDictionary<string, string?> SourceFields { get; set; } = NoFields;

        /// <summary>The request. Its Prompt is replaced by the filled <see cref="PromptTemplate"/> when one is set.</summary>
        public ImageGenerationRequest Request { get; set; }

        /// <summary>-Template: 'Product shot of {Product}' filled from <see cref="SourceFields"/> at submission.</summary>
        public string? PromptTemplate { get; set; }

        /// <summary>
        /// The caller already ran <see cref="Preflight.Check"/> on this request (cmdlets do, before -WhatIf), so the
        /// session skips it unless a <see cref="PromptTemplate"/> still changes the prompt.
        /// </summary>
        public bool PreflightDone { get; set; }

        public bool IsEdit => Request is ImageEditRequest;
    }
}
