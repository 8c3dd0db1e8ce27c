using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Security;
using GptImage.BatchApi;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Sends many image requests through OpenAI's Batch API: half the price, finished within 24 hours.</summary>
    /// <remarks>
    /// <para>Takes the same pipeline rows and request parameters as New-GptImage (prompts, -Template with CSV rows) and
    /// Edit-GptImage (-Path or -LiteralPath, -MaskPath, -InputFidelity). Every row is checked first; then the input images
    /// of edits are uploaded, the JSONL input is written (split into several batches beyond 50,000 requests or 200 MB),
    /// uploaded and submitted.</para>
    /// <para>Each batch is recorded on this machine (-StatePath), so Get-GptImageBatchJob and Receive-GptImageBatchJob can
    /// follow it later, from another session too. -WhatIf shows the cost at the Batch API price and sends nothing.</para>
    /// </remarks>
    /// <example>
    /// <code>Import-Csv ./products.csv | Submit-GptImageBatchJob -Quality medium -WhatIf</code>
    /// <para>Shows what the batch would cost at the Batch API price, and at the direct price, without sending anything.</para>
    /// </example>
    /// <example>
    /// <code>$batch = Import-Csv ./products.csv | Submit-GptImageBatchJob -Template 'Product shot of {Product} in {Scene}' -Metadata @{ run = 'spring' }
    /// $batch | Format-List Id, Status, Rows, EstimatedCostUsd</code>
    /// <para>Submits a batch of one request per CSV row, tagged with metadata, and shows the batch.</para>
    /// </example>
    /// <example>
    /// <code>Get-ChildItem ./shots/*.png | Submit-GptImageBatchJob -Prompt 'Put the product on a white background'</code>
    /// <para>A batch of edits, one per file: the images are uploaded first.</para>
    /// </example>
    /// <returns>A GptImageBatchJob per batch submitted: Id, Status, Rows, EstimatedCostUsd, RecordPath and the request counts.</returns>
    [Cmdlet(VerbsLifecycle.Submit, "GptImageBatchJob", DefaultParameterSetName = PromptInput.PromptSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = HelpLinks.Readme + "submit-gptimagebatchjob")]
    [OutputType(typeof(GptImageBatchJob))]
    public sealed class SubmitGptImageBatchJobCommand : ImageRowCmdlet
    {
        private readonly List<ImageJob> _jobs = new List<ImageJob>();
        private GptImageBatchJobSupport? _support;
        private int _rowNumber;
        private decimal _batchEstimate, _directEstimate;
        private bool _unknownPrice;

        /// <summary>Extra metadata for the batches as a hashtable of text pairs, at most 13 (the module uses 3 of the API's 16). Default: none.</summary>
        [Parameter]
        public Hashtable? Metadata { get; set; }

        /// <summary>API key as a SecureString. Default: the key given to Connect-GptImage, then $env:OPENAI_API_KEY.</summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>Base URL. Default: the session, $env:OPENAI_BASE_URL, then https://api.openai.com/v1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>Retries of a transient failure after the first attempt, 0 to 10. Default: 3. Creating a batch is retried only after a rate-limit refusal.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>Timeout of each HTTP attempt in seconds, 1 to 3600. Default: 600 (uploading a 200 MB input file takes a while).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>Folder of the local batch records. Default: $env:GPTIMAGE_BATCH_STATE, else the per-user GptImage.PowerShell/batches folder.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
        }

        protected override void ProcessRecord()
        {
            int row = ++_rowNumber;
            ImageGenerationRequest? request = TryBuildRowRequest(row, out object? source, out var fields);
            if (request is null) return;

            CostEstimate batch = CostEstimator.Estimate(request, batchApi: true);
            if (batch.IsKnownModel)
            {
                _batchEstimate += batch.Usd;
                _directEstimate += CostEstimator.Estimate(request).Usd;
            }
            else _unknownPrice = true;
            WriteVerbose($"Row {row}: {RequestDescription.Target(request)} ({batch})");
            _jobs.Add(new ImageJob(request) { RowNumber = row, Source = source, SourceFields = fields });
        }

        protected override void EndProcessing()
        {
            if (_jobs.Count == 0) return;
            string models = string.Join(", ", _jobs.Select(j => j.Request.Model).Distinct(StringComparer.OrdinalIgnoreCase));
            string cost = string.Format(CultureInfo.InvariantCulture, "estimated {0:0.0000} USD at the Batch API price ({1:0.0000} USD if sent directly){2}",
                _batchEstimate, _directEstimate, _unknownPrice ? "; some rows have no known price" : string.Empty);
            // Also to verbose: -WhatIf's own line goes to the host only, so scripts capture the estimate from here.
            WriteVerbose($"{_jobs.Count} row(s) to submit: {cost}.");
            if (!ShouldProcess($"{_jobs.Count} image request(s) ({models})", $"Submit to the Batch API, {cost}")) return;

            _support = new GptImageBatchJobSupport(this, StopToken);
            GptImageClient client = _support.Client(ApiKey, Endpoint, MaxRetries, TimeoutSec);
            BatchRecordStore store = GptImageBatchJobSupport.Store(this, StatePath);
            var options = new BatchSubmitOptions { Log = _support.Log.Enqueue, Metadata = MetadataPairs() };
            IReadOnlyList<BatchRecord> records;
            try
            {
                records = _support.Wait(new BatchSubmitter(client, store).SubmitAsync(_jobs, options, StopToken));
            }
            catch (Exception e) when (e is GptImageApiException || e is GptImageValidationException || e is GptImageImageException || e is System.IO.IOException)
            {
                // A later part failed: the batches already created are running (and paid for), so they are written out
                // before the error, to be received like any other.
                foreach (BatchRecord created in store.List().Where(r => r.SubmissionId == options.SubmissionId).OrderBy(r => r.Part))
                    WriteObject(GptImageBatchJob.From(created, store.PathFor(created.BatchId)));
                ThrowTerminatingError(ErrorRecords.From(e, null));
                return;
            }
            foreach (BatchRecord record in records) WriteObject(GptImageBatchJob.From(record, store.PathFor(record.BatchId)));
        }

        private Dictionary<string, string>? MetadataPairs()
        {
            if (Metadata is null) return null;
            var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (DictionaryEntry entry in Metadata)
                pairs[entry.Key?.ToString() ?? string.Empty] = entry.Value?.ToString() ?? string.Empty;
            return pairs;
        }

        protected override void ReleaseResources() => _support?.Dispose();
    }
}
