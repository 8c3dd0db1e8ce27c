using System;
using System.Management.Automation;
using GptImage.Orchestration;

namespace GptImage.Commands
{
    /// <summary>Sends turns of an image conversation, each refining the image of the turn before without uploading it again.</summary>
    /// <remarks>
    /// <para>Each pipeline record is one turn, sent in order: piped strings are the prompts of successive turns, and so
    /// are the Prompt column of Import-Csv rows (a row's Path and MaskPath columns give that turn's images and mask).
    /// Every turn continues the last successful turn of the conversation by its response id (previous_response_id), so
    /// the image stays on the server and a later turn uploads nothing; a turn that failed is skipped by the next one.</para>
    /// <para>-Path (wildcards) and -MaskPath give a turn images of its own to work from (a product photo, a logo), on any
    /// turn; the mask (a PNG whose transparent pixels mark the area to edit) is checked against the turn's first image
    /// before anything is sent. The tool's options typed here override the conversation's for these turns. Every option
    /// is checked before the turn is sent: a mistake is that turn's error, naming the parameter, the value and what is allowed.</para>
    /// <para>Each turn writes a result like New-GptImage's (Status, Path, Usage, CostUsd, ...) with its TurnNumber and
    /// ResponseId, writes its file as the conversation says (atomically; an existing different file needs -Force), and
    /// is recorded in the conversation (Turns, LastResponseId, TotalCostUsd). Answered turns are cached: rerunning the
    /// same script replays the conversation from the cache with no call and no cost (Status Cached). -WhatIf shows each
    /// turn's options and estimated cost and sends nothing. Ctrl+C stops at once.</para>
    /// </remarks>
    /// <example>
    /// <code>$chat = New-GptImageConversation -Quality low -OutputDirectory ./out/mug
    /// Send-GptImageConversation -Conversation $chat -Prompt 'Put this mug on a wooden table' -Path ./photo.png
    /// Send-GptImageConversation -Conversation $chat 'Now make the background navy'
    /// Send-GptImageConversation -Conversation $chat 'Add our logo top left' -Path ./drawings/logo.png</code>
    /// <para>The first turn starts from a photo, the second refines the result without uploading anything, the third
    /// brings a logo to place. $chat.Turns lists the three turns with their response ids, files and costs.</para>
    /// </example>
    /// <example>
    /// <code>$chat = New-GptImageConversation -Quality low -Size 1024x1024 -OutputDirectory ./out/poster
    /// Import-Csv ./turns.csv | Send-GptImageConversation -Conversation $chat | Format-Table TurnNumber, Status, CostUsd, Path</code>
    /// <para>Each CSV row (a Prompt column) is the next turn. Running the same two lines again replays every turn from the
    /// cache: Status Cached, cost 0, no call.</para>
    /// </example>
    /// <example>
    /// <code>$chat = New-GptImageConversation -Quality high
    /// 'A lighthouse at dawn', 'Add fog' | Send-GptImageConversation -Conversation $chat -WhatIf</code>
    /// <para>Shows each turn's options and estimated cost (the image tool and the mainline model), and sends nothing.</para>
    /// </example>
    /// <returns>One GptImage.Orchestration.GptImageResult per turn (Status Succeeded, Cached or Failed) with TurnNumber and ResponseId.</returns>
    [Cmdlet(VerbsCommunications.Send, "GptImageConversation", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        HelpUri = HelpLinks.Readme + "send-gptimageconversation")]
    [OutputType(typeof(GptImageResult))]
    public sealed class SendGptImageConversationCommand : ImageToolCmdlet
    {
        private ConversationSender? _sender;

        /// <summary>The conversation from New-GptImageConversation: its settings apply to every turn, and each turn is recorded in it.</summary>
        [Parameter(Mandatory = true)]
        [ValidateNotNull]
        public GptImageConversation Conversation { get; set; } = null!;

        /// <summary>What this turn should do to the image, for example 'Now make the background navy'. Piped strings, and the Prompt column of piped rows, are successive turns.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Description", "Text")]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Images this turn works from (wildcards; png, jpeg or webp, up to 16), on any turn. Default: none, the conversation's last image. A piped row's Path column sets it per turn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyCollection]
        public string[]? Path { get; set; }

        /// <summary>A PNG mask for this turn's first image (-Path): fully transparent pixels mark the area to edit. A piped row's MaskPath column sets it per turn.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? MaskPath { get; set; }

        /// <summary>Replace an existing file with other content where this turn's image is written (otherwise that is the turn's GptImage.FileExists error; the image stays in the cache).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>Save each partial image (with -PartialImages) as &lt;OutputDirectory&gt;/partial/row-00000N-partial-i.png, N being the turn.</summary>
        [Parameter]
        public SwitchParameter SavePartial { get; set; }

        // Turns shown by -WhatIf in this invocation, so that the next one shows the number it would have.
        private int _rehearsed;

        private readonly System.Collections.Generic.HashSet<string> _warned = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);

        protected override void ProcessRecord()
        {
            GptImageConversation conversation = Conversation;
            int turnNumber = conversation.NextTurnNumber + _rehearsed;
            string? previous = conversation.LastResponseId;
            ConversationTurnRequest request;
            try
            {
                request = BuildTurn(conversation, previous);
                foreach (string warning in Preflight.Check(request, DateTime.UtcNow)) WarnOnce(warning);
                FileNamer.CheckFields(conversation.FileName, ConversationTurns.FileNameFields(turnNumber, Prompt));
            }
            catch (Exception e) when (e is GptImageValidationException || e is GptImageImageException || FileSystemPaths.IsResolutionError(e))
            {
                // Nothing was sent: the turn is not recorded, and the next turn continues the same response.
                WriteError(ConversationTurns.Error(e, Prompt, turnNumber));
                return;
            }

            CostEstimate estimate = CostEstimator.Estimate(request);
            if (!ShouldProcess(RequestDescription.Target(request), RequestDescription.Action($"Send turn {turnNumber}:", request, estimate)))
            {
                // -WhatIf numbers the turns it shows as they would be sent; a turn declined at -Confirm is not a turn.
                if (MyInvocation.BoundParameters.ContainsKey("WhatIf")) _rehearsed++;
                return;
            }

            var job = new ImageJob(request)
            {
                RowNumber = turnNumber,
                Source = Prompt,
                SourceFields = ConversationTurns.FileNameFields(turnNumber, Prompt),
                PreflightDone = true,
            };
            _sender ??= new ConversationSender(this, conversation, Force.IsPresent, SavePartial.IsPresent, WarnOnce, StopToken);
            _sender.Send(job, result =>
            {
                result.TurnNumber = turnNumber;
                conversation.Record(turnNumber, Prompt, previous, result, result.ErrorId);
            });
        }

        private ConversationTurnRequest BuildTurn(GptImageConversation conversation, string? previous)
        {
            ConversationTurnRequest request = ConversationTurns.Settings(conversation, Prompt);
            ApplyToolOptions(request);
            request.PreviousResponseId = previous;
            if (Path != null)
                foreach (string path in Path)
                    if (!string.IsNullOrWhiteSpace(path))
                        foreach (string file in FileSystemPaths.ResolveWildcards(this, path)) request.Images.Add(file);
            if (!string.IsNullOrWhiteSpace(MaskPath)) request.MaskPath = FileSystemPaths.ResolveLiteral(this, MaskPath!);
            return request;
        }

        private void WarnOnce(string message)
        {
            if (_warned.Add(message)) WriteWarning(message);
        }

        protected override void EndProcessing() => _sender?.Complete();

        protected override void ReleaseResources() => _sender?.Dispose();
    }
}
