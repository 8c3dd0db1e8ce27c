using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Starts a multi-turn image conversation: the settings its turns share, checked now, with nothing sent.</summary>
    /// <remarks>
    /// <para>A conversation refines one image turn by turn ("now make the background navy", "add our logo top left")
    /// without uploading it again: Send-GptImageConversation sends each turn to OpenAI's Responses API with the
    /// image_generation tool, continuing the last successful turn by its response id (previous_response_id), so the
    /// server already holds the image. This command makes the object that carries the settings and records the turns;
    /// it makes no network call and needs no key.</para>
    /// <para>-Model is the mainline model, which reads the conversation and calls the image tool (default gpt-5.4);
    /// -ImageModel is the tool's image model (default gpt-image-2). -Size, -Quality, -OutputFormat, -Compression,
    /// -Background, -Moderation, -InputFidelity and -PartialImages are the tool's options for every turn (a turn can
    /// override them); each is checked against the image model's rules here, so a mistake stops before any turn.</para>
    /// <para>With -OutputDirectory each turn's image is written there (atomically, never over another file without -Force)
    /// as -FileName names it ({Turn}, {Hash}, {Prompt} and the other file name fields; default 'turn-{Turn}-{Hash}'),
    /// and answered turns are cached in its .gptimage-cache folder: running the same script again replays the whole
    /// conversation from the cache, response ids included, and pays for nothing twice. -PreviousResponseId continues a
    /// conversation started elsewhere (another session, another tool).</para>
    /// </remarks>
    /// <example>
    /// <code>$chat = New-GptImageConversation -Quality low -Size 1024x1024 -OutputDirectory ./out/mug
    /// 'A white coffee mug on a wooden table', 'Now make the background navy', 'Add a small gold star on the mug' |
    ///     Send-GptImageConversation -Conversation $chat</code>
    /// <para>Three turns: the first makes the image, the next two refine it without uploading it. Each writes
    /// turn-1-....png, turn-2-....png and turn-3-....png to ./out/mug and returns a result with TurnNumber, ResponseId and CostUsd.</para>
    /// </example>
    /// <example>
    /// <code>$chat = New-GptImageConversation -Model gpt-5.4-mini -ImageModel gpt-image-2 -Quality medium -OutputFormat webp -Compression 80 -OutputDirectory ./out/photo
    /// $chat | Format-List</code>
    /// <para>A conversation on a cheaper mainline model, with webp images; Format-List shows its settings and, once turns
    /// are sent, the last response id and the total cost.</para>
    /// </example>
    /// <returns>A GptImage.GptImageConversation: the settings, the turns sent so far, LastResponseId and TotalCostUsd.</returns>
    [Cmdlet(VerbsCommon.New, "GptImageConversation", HelpUri = HelpLinks.Readme + "new-gptimageconversation")]
    [OutputType(typeof(GptImageConversation))]
    public sealed class NewGptImageConversationCommand : ImageToolCmdlet
    {
        /// <summary>The mainline model, which reads the conversation and calls the image tool: a model that supports the image_generation tool, such as gpt-5.4 or gpt-5.4-mini. Default: gpt-5.4.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Model { get; set; } = ConversationTurnRequest.DefaultResponsesModel;

        /// <summary>The image tool's model, for example gpt-image-2 or gpt-image-1.5. Default: gpt-image-2.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string ImageModel { get; set; } = ImageGenerationRequest.DefaultModel;

        /// <summary>Folder to write each turn's image into. Without it the results carry the image bytes (pipe them to Export-GptImageBatch) and nothing is cached unless -CacheDirectory is given.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? OutputDirectory { get; set; }

        /// <summary>File name template of each turn's image: {Turn} (the turn's number), {Prompt}, {Hash}, {Model}, {Quality}, {Size}, {Format}, {Date}, {Row} (Get-Help about_GptImage_FileNames). Default: 'turn-{Turn}-{Hash}'. The extension follows the image format.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string FileName { get; set; } = GptImageConversation.DefaultFileName;

        /// <summary>Where answered turns are remembered, so that rerunning the same script replays the conversation without paying. Default: &lt;OutputDirectory&gt;/.gptimage-cache.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CacheDirectory { get; set; }

        /// <summary>No result cache: every turn sent is sent again on a rerun.</summary>
        [Parameter]
        public SwitchParameter NoCache { get; set; }

        /// <summary>The id of a response to continue (resp_...): a conversation started in another session or tool. Default: none; the first turn starts a new conversation.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? PreviousResponseId { get; set; }

        /// <summary>API key as a SecureString for this conversation's turns. Default: the key given to Connect-GptImage (or its access token), then $env:OPENAI_API_KEY, read when a turn is sent. Never shown.</summary>
        [Parameter]
        [SecureStringOnly]
        public SecureString? ApiKey { get; set; }

        /// <summary>Base URL (OpenAI, or a compatible gateway or Azure OpenAI v1 endpoint that serves /responses). Default: the session's, $env:OPENAI_BASE_URL, then https://api.openai.com/v1.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Endpoint { get; set; }

        /// <summary>Retries of a transient failure (rate limit, server error, dropped connection) after the first attempt, 0 to 10. Default: 3.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaxRetries { get; set; } = 3;

        /// <summary>Timeout of each HTTP attempt in seconds, 1 to 3600. Default: 600.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 600;

        protected override void EndProcessing()
        {
            var conversation = new GptImageConversation
            {
                Model = Model.Trim(),
                ImageModel = ImageModel.Trim(),
                FileName = FileName,
                NoCache = NoCache.IsPresent,
                StartResponseId = PreviousResponseId?.Trim(),
                ApiKey = ApiKey is null || ApiKey.Length == 0 ? null : ApiKey.Copy(),
                Endpoint = Endpoint,
                MaxRetries = MaxRetries,
                TimeoutSec = TimeoutSec,
            };
            conversation.ApiKey?.MakeReadOnly();
            var probe = new ConversationTurnRequest { Prompt = "(the conversation's settings)" };
            ApplyToolOptions(probe);
            conversation.Size = probe.Size;
            conversation.Quality = probe.Quality;
            conversation.OutputFormat = probe.OutputFormat;
            conversation.Compression = probe.Compression;
            conversation.Background = probe.Background;
            conversation.Moderation = probe.Moderation;
            conversation.InputFidelity = probe.InputFidelity;
            conversation.PartialImages = probe.PartialImages;
            try
            {
                // Every setting checked now, as the turns will send them: a mistake stops here, before any turn.
                ConversationTurnRequest check = ConversationTurns.Settings(conversation, probe.Prompt);
                check.PreviousResponseId = conversation.StartResponseId;
                foreach (string warning in RequestValidator.Validate(check, DateTime.UtcNow)) WriteWarning(warning);
                FileNamer.ValidateTemplate(FileName);
                FileNamer.CheckFields(FileName, ConversationTurns.FileNameFields(1, probe.Prompt));
                ClientOptionsFactory.ParseEndpoint(Endpoint);
                if (OutputDirectory != null) conversation.OutputDirectory = FileSystemPaths.ResolveLiteral(this, OutputDirectory);
                if (CacheDirectory != null) conversation.CacheDirectory = FileSystemPaths.ResolveLiteral(this, CacheDirectory);
            }
            catch (GptImageValidationException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e, null));
            }
            WriteObject(conversation);
        }
    }
}
