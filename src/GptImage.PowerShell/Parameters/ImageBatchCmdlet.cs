using System;
using System.Management.Automation;
using System.Security;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>
    /// Output, pacing, connection and cost options of the cmdlets that spend money (New-GptImage,
    /// Edit-GptImage), and the batch run that hands every record to the core (Ctrl+C comes from StoppableCmdlet).
    /// </summary>
    public abstract class ImageBatchCmdlet : ImageRequestCmdlet
    {
        private BatchRun? _run;

        /// <summary>Folder to write each image into as it arrives. Without it results carry the bytes (pipe them to Export-GptImageBatch).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputDirectory { get; set; }

        /// <summary>File name template such as '{Sku}-{Index}': the input's columns and {Row}, {Index}, {Model}, {Quality}, {Size}, {Format}, {Hash}, {Date} (Get-Help about_GptImage_FileNames). Default: 'image-{Row}-{Index}-{Hash}'. The extension follows the image format.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? FileName { get; set; }

        /// <summary>Replace existing files left by earlier runs. Without it an existing file with other content is a per-row GptImage.FileExists error. Never another row's file of the same run: a later row whose name and image differ is a GptImage.DuplicateFileName error.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Most requests in flight at once, 1 to 64. Default: 4. The run slows down below it when the rate limit nears.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>Retries of a transient failure (rate limit, server error, dropped connection) after the first attempt, 0 to 10. Default: 3.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>
        /// Seconds a row that keeps failing for a passing reason (rate limit, server error, dropped connection, timeout) is
        /// tried again, from its first attempt: after the -MaxRetries quick retries it waits the server's Retry-After (else a
        /// pause growing to a minute) and goes again while the other rows go on; only when this time is spent is it a failed
        /// row. An empty wallet and 4xx answers fail at once. 0 to 86400. Default: 900 (15 minutes); 0 keeps only the quick retries.
        /// </summary>
        [Parameter]
        [ValidateRange(0, 86400)]
        public int RetryTimeoutSec { get; set; } = 900;

        /// <summary>Timeout of each HTTP attempt in seconds, 1 to 3600. Default: 600 (large high-quality images take minutes).</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 600;

        /// <summary>API key as a SecureString. Default: the key given to Connect-GptImage, then $env:OPENAI_API_KEY. Never written to output, errors or files.</summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>Base URL (OpenAI, Azure OpenAI or a compatible gateway). Default: the session, $env:OPENAI_BASE_URL, then https://api.openai.com/v1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>Where finished requests are remembered so reruns never pay twice. Default: &lt;OutputDirectory&gt;/.gptimage-cache.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CacheDirectory { get; set; }

        /// <summary>No result cache and no de-duplication of identical rows.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>Spending cap in USD: no new request is sent once the spend so far plus the estimate of those in flight would pass it; the rows not sent are NotRun. Default: no cap.</summary>
        [Parameter]
        [ValidateRange(0.0, 1000000.0)]
        public double? MaxCost { get; set; }

        /// <summary>0 to 3 partial images streamed while each image renders: shown in the progress bar, saved with -SavePartial. Default: none (no streaming).</summary>
        [Parameter]
        [ValidateRange(0, 3)]
        public int? PartialImages { get; set; }

        /// <summary>Save each partial image as &lt;OutputDirectory or current folder&gt;/partial/row-000001-partial-0.png.</summary>
        [Parameter]
        public SwitchParameter SavePartial { get; set; }

        /// <summary>
        /// Extra body fields this module does not know yet (a gateway's parameter, a new API field), sent after the known ones
        /// and shown by -WhatIf, for example @{ seed = 42 }. Not allowed: fields the module sends itself (model, prompt, size, ...;
        /// use their parameters) and negative_prompt. Edits take text, numbers and booleans only; generations also nested hashtables and lists.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public System.Collections.Hashtable? AdditionalBody { get; set; }

        /// <summary>
        /// Extra request headers, for example @{ 'X-Gateway-Route' = 'eu' }; a SecureString value is sent as its text and shown as ***.
        /// Not allowed: Authorization, api-key and other credential headers (use -ApiKey or Connect-GptImage), OpenAI-Organization,
        /// OpenAI-Project and the HTTP framing headers. Values of headers named like secrets (key, token, ...) are shown as ***.
        /// </summary>
        [Parameter]
        [ValidateNotNull]
        public System.Collections.Hashtable? AdditionalHeader { get; set; }

        private AdditionalFields? _additional;

        /// <summary>-AdditionalBody and -AdditionalHeader, converted once.</summary>
        internal AdditionalFields Additional => _additional ??= new AdditionalFields(AdditionalBody, AdditionalHeader);

        /// <summary>Checks -AdditionalBody and -AdditionalHeader in BeginProcessing: a bad field would fail every row, so it stops the run before any.</summary>
        private void ThrowIfAdditionalFieldsInvalid()
        {
            try { Additional.Check(); }
            catch (GptImageValidationException e) { ThrowTerminatingError(ErrorRecords.From(e, null)); }
        }

        /// <summary>The -WhatIf/-Confirm target: the request, plus the extra headers (secret values masked).</summary>
        internal string DescribeTarget(ImageGenerationRequest request) => RequestDescription.Target(request, Additional.DescribeHeaders());

        /// <summary>
        /// The current record's checked request with this cmdlet's own values: -PartialImages (a value turns on streaming;
        /// the final result is the same), and a check that -FileName can name the row's images, so a placeholder the row
        /// cannot fill is its error before anything is paid for; then <paramref name="complete"/>, a cmdlet's own change
        /// to the request before the checks. Null after the row's error has been written.
        /// </summary>
        internal ImageGenerationRequest? TryBuildBatchRow(int row, PipelineRecord record, RowInputs inputs, object? target,
            Action<ImageGenerationRequest>? complete = null)
        {
            ImageGenerationRequest? request = TryBuildRow(row, record, inputs, target, built =>
            {
                built.PartialImages = PartialImages;
                built.AdditionalBody = Additional.Body;
                if (OutputDirectory != null) FileNamer.CheckFields(FileName, record.Fields);
                complete?.Invoke(built);
            }, out ErrorRecord? error);
            // Every input row has an output object, so a ledger downstream (Export-GptImageBatch -ManifestPath) has every row:
            // a failed result passed along as it came, a row that failed here as its own Failed result.
            if (record.UpstreamFailure is GptImageResult upstream) WriteRowResult(upstream);
            else if (error != null)
                WriteRowResult(GptImageResult.ForInvalidRow(row, target, record.Fields, error.FullyQualifiedErrorId.Split(',')[0],
                    error.ErrorDetails?.Message ?? error.Exception.Message));
            return request;
        }

        /// <summary>
        /// Checks -FileName's braces, -AdditionalBody and -AdditionalHeader before the first record: a template no row could
        /// use, or an extra field every row would send, stops the run at once.
        /// </summary>
        protected override void BeginProcessing()
        {
            try { FileNamer.ValidateTemplate(FileName); }
            catch (GptImageValidationException e) { ThrowTerminatingError(ErrorRecords.From(e, FileName)); }
            ThrowIfAdditionalFieldsInvalid();
        }

        /// <summary>Rows handed to the core so far (1-based numbering of pipeline records).</summary>
        protected int RowNumber { get; private set; }

        protected int NextRowNumber() => ++RowNumber;

        /// <summary>The batch, created on first use so that -WhatIf runs need no key and make no client.</summary>
        internal BatchRun Run => _run ??= BatchRun.Start(this, StopToken);

        /// <summary>The Write-Progress activity, for example "Generating images".</summary>
        internal abstract string ProgressActivity { get; }

        /// <summary>
        /// Run in the background: returns at once with a job (Get-Job, Receive-Job, Wait-Job, Stop-Job) that does the same
        /// run: pacing, cache and -MaxCost as in the foreground. Rows are checked as they arrive; a row's error becomes the
        /// job's error. Partial images are not shown in a job.
        /// </summary>
        [Parameter]
        public SwitchParameter AsJob { get; set; }

        private GptImageJob? _job;

        // -WhatIf with -AsJob sends nothing, so it makes no job either: what-if text and row errors stay in the foreground.
        private bool InJobMode => AsJob.IsPresent && !MyInvocation.BoundParameters.ContainsKey("WhatIf");

        /// <summary>Hands one checked row to the foreground run, or (-AsJob) to the background job.</summary>
        internal void Dispatch(ImageJob row)
        {
            if (InJobMode) Job.Add(row);
            else Run.Submit(row);
        }

        internal override void WriteRowError(ErrorRecord error)
        {
            if (InJobMode) Job.AddRowError(error);
            else WriteError(error);
        }

        /// <summary>A row's result made on the pipeline thread (a row refused before sending, a failure passed along): the output, or (-AsJob) the job's.</summary>
        private void WriteRowResult(GptImageResult result)
        {
            if (InJobMode) Job.AddRowResult(result);
            else WriteObject(result);
        }

        /// <summary>
        /// The background job, made on the first row: its run is built here on the pipeline thread (connection, paths,
        /// token script), it joins the session's job repository (the shell's own id) and is written out at once.
        /// </summary>
        private GptImageJob Job
        {
            get
            {
                if (_job != null) return _job;
                var job = new GptImageJob(MyInvocation.Line.Trim(), ProgressActivity);
                BatchRun run = BatchRun.Start(this, new JobStreamSink(job, ProgressActivity), line => job.Verbose.Add(new VerboseRecord(line)), job.StopToken);
                JobRepository.Add(job);
                job.Start(run);
                _job = job;
                WriteObject(job);
                return job;
            }
        }

        protected override void EndProcessing()
        {
            _job?.InputEnded();
            _run?.Complete();
        }

        // A job outlives the command: Ctrl+C while rows are still being read ends its input, not the job.
        protected override void ReleaseResources()
        {
            _job?.InputEnded();
            _run?.Dispose();
        }
    }
}
