namespace GptImage.PowerShell.Tests.Contract
{
    /// <summary>
    /// The cmdlets as users type them, written out by hand in the notation of
    /// <see cref="Infrastructure.CmdletDescriber"/>. Changing a name here is changing the product.
    /// </summary>
    internal static class ExpectedCommands
    {
        // Request options shared by New-GptImage, Edit-GptImage, Measure-GptImageCost and Submit-GptImageBatchJob. Typed on the
        // command line only: a piped row's columns of the same names are read by the cmdlet (PipelineRecord), never bound by
        // PowerShell, so no cell can make PowerShell drop a record and no file property becomes an option.
        private static readonly string[] RequestOptions =
        {
            "-Background string {*:} [ValidateOptionalSet: transparent|opaque|auto]",
            "-Compression int? {*:}",
            "-Count int? [aliases: N] {*:}",
            "-Model string {*:}",
            "-Moderation string {*:} [ValidateOptionalSet: low|auto]",
            "-OutputFormat string {*:} [ValidateOptionalSet: png|jpeg|webp]",
            "-Quality string {*:} [ValidateOptionalSet: low|medium|high|auto|standard|hd]",
            "-Size string {*:}",
            "-User string {*:}",
        };

        // The record inputs of the cmdlets that take generations and edits (Measure-GptImageCost, Submit-GptImageBatchJob).
        private static readonly string[] RowInputs =
        {
            "-InputFidelity string {LiteralPath:} {Path:} [ValidateOptionalSet: low|high]",
            "-InputObject System.Management.Automation.PSObject {*: V}",
            "-KeepMetadata switch {*:}",
            "-LiteralPath string[] [aliases: PSPath, FullName] {LiteralPath: M}",
            "-MaskPath string {LiteralPath:} {Path:}",
            "-NoResize switch {*:}",
            "-Path string[] {Path: M P0}",
            "-Prompt string [aliases: Description, Text] {LiteralPath:} {Path:} {Prompt: P0}",
            "-ResizeMask switch {*:}",
            "-Template string {Template: M P0}",
            "-TemplatePath string[] {Template:}",
        };

        // The image_generation tool's options of a conversation: set by New-GptImageConversation, overridden per turn by
        // Send-GptImageConversation. Typed only (a turn's piped row gives its Prompt, Path and MaskPath).
        private static readonly string[] ToolOptions =
        {
            "-Background string {*:} [ValidateOptionalSet: transparent|opaque|auto]",
            "-Compression int? {*:}",
            "-InputFidelity string {*:} [ValidateOptionalSet: low|high]",
            "-Moderation string {*:} [ValidateOptionalSet: low|auto]",
            "-OutputFormat string {*:} [ValidateOptionalSet: png|jpeg|webp]",
            "-PartialImages int? {*:} [ValidateRange: 0..3]",
            "-Quality string {*:} [ValidateOptionalSet: low|medium|high|auto]",
            "-Size string {*:}",
        };

        // Output, pacing, connection and cost options of the cmdlets that spend money.
        private static readonly string[] BatchOptions =
        {
            "-AdditionalBody System.Collections.Hashtable {*:}",
            "-AdditionalHeader System.Collections.Hashtable {*:}",
            "-AsJob switch {*:}",
            "-ApiKey System.Security.SecureString {*:}",
            "-CacheDirectory string {*:}",
            "-Endpoint string {*:}",
            "-FileName string {*:}",
            "-Force switch {*:}",
            "-MaxCost double? {*:} [ValidateRange: 0..1000000]",
            "-MaxRetries int {*:} [ValidateRange: 0..10]",
            "-NoCache switch {*:}",
            "-OutputDirectory string {*:}",
            "-PartialImages int? {*:} [ValidateRange: 0..3]",
            "-RetryTimeoutSec int {*:} [ValidateRange: 0..86400]",
            "-SavePartial switch {*:}",
            "-ThrottleLimit int {*:} [ValidateRange: 1..64]",
            "-TimeoutSec int {*:} [ValidateRange: 1..3600]",
        };

        // Connection and record options of the Batch API cmdlets.
        private static readonly string[] BatchApiOptions =
        {
            "-ApiKey System.Security.SecureString {*:}",
            "-Endpoint string {*:}",
            "-MaxRetries int {*:} [ValidateRange: 0..10]",
            "-StatePath string {*:}",
            "-TimeoutSec int {*:} [ValidateRange: 1..3600]",
        };

        private const string BatchId = "-Id string[] [aliases: BatchId] {*: M P0 V N}";

        public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
        {
            ["Submit-GptImageBatchJob"] = Cmdlet(
                "Submit-GptImageBatchJob class=SubmitGptImageBatchJobCommand sealed ShouldProcess=True ConfirmImpact=Medium DefaultSet=Prompt Output=GptImage.BatchApi.GptImageBatchJob",
                RequestOptions, BatchApiOptions, RowInputs, new[]
                {
                    "-Metadata System.Collections.Hashtable {*:}",
                }),
            ["Get-GptImageBatchJob"] = Cmdlet(
                "Get-GptImageBatchJob class=GetGptImageBatchJobCommand sealed ShouldProcess=False Output=GptImage.BatchApi.GptImageBatchJob",
                BatchApiOptions, new[]
                {
                    "-Id string[] [aliases: BatchId] {*: P0 V N}",
                    "-PollIntervalSec int {*:} [ValidateRange: 1..3600]",
                    "-Wait switch {*:}",
                }),
            ["Receive-GptImageBatchJob"] = Cmdlet(
                "Receive-GptImageBatchJob class=ReceiveGptImageBatchJobCommand sealed ShouldProcess=True ConfirmImpact=Medium Output=GptImage.Orchestration.GptImageResult",
                BatchApiOptions, new[]
                {
                    BatchId,
                    "-FileName string {*:}",
                    "-Force switch {*:}",
                    "-OutputDirectory string {*:}",
                    "-PollIntervalSec int {*:} [ValidateRange: 1..3600]",
                    "-Wait switch {*:}",
                }),
            ["Stop-GptImageBatchJob"] = Cmdlet(
                "Stop-GptImageBatchJob class=StopGptImageBatchJobCommand sealed ShouldProcess=True ConfirmImpact=High Output=GptImage.BatchApi.GptImageBatchJob",
                BatchApiOptions, new[] { BatchId }),
            ["New-GptImage"] = Cmdlet(
                "New-GptImage class=NewGptImageCommand sealed ShouldProcess=True ConfirmImpact=Medium DefaultSet=Prompt Output=GptImage.Orchestration.GptImageResult,GptImage.Commands.GptImageJob",
                RequestOptions, BatchOptions, new[]
                {
                    "-InputObject System.Management.Automation.PSObject {*: V}",
                    "-Prompt string [aliases: Description, Text] {Prompt: P0}",
                    "-Template string {Template: M P0}",
                    "-TemplatePath string[] {Template:}",
                }),
            ["Edit-GptImage"] = Cmdlet(
                "Edit-GptImage class=EditGptImageCommand sealed ShouldProcess=True ConfirmImpact=Medium DefaultSet=Path Output=GptImage.Orchestration.GptImageResult,GptImage.Commands.GptImageJob",
                RequestOptions, BatchOptions, new[]
                {
                    "-InputFidelity string {*:} [ValidateOptionalSet: low|high]",
                    "-InputObject System.Management.Automation.PSObject {*: V} [DontShow]",
                    "-KeepMetadata switch {*:}",
                    "-LiteralPath string[] [aliases: PSPath, FullName] {LiteralPath: M}",
                    "-MaskPath string {*:}",
                    "-NoResize switch {*:}",
                    "-Path string[] {Path: P0}",
                    "-Prompt string [aliases: Description, Text] {*:}",
                    "-ResizeMask switch {*:}",
                }),
            ["Expand-GptImage"] = Cmdlet(
                "Expand-GptImage class=ExpandGptImageCommand sealed ShouldProcess=True ConfirmImpact=Medium DefaultSet=Path Output=GptImage.Orchestration.GptImageResult,GptImage.Commands.GptImageJob",
                RequestOptions, BatchOptions, new[]
                {
                    "-Anchor GptImage.Imaging.Pixels.OutpaintAnchor {*:}",
                    "-AspectRatio string {*:}",
                    "-InputObject System.Management.Automation.PSObject {*: V} [DontShow]",
                    "-KeepMetadata switch {*:}",
                    "-LiteralPath string[] [aliases: PSPath, FullName] {LiteralPath: M}",
                    "-Path string[] {Path: P0}",
                    "-Prompt string [aliases: Description, Text] {*:}",
                }),
            ["Test-GptImageMask"] = Cmdlet(
                "Test-GptImageMask class=TestGptImageMaskCommand sealed ShouldProcess=False Output=System.Boolean,GptImage.MaskReport",
                new[]
                {
                    "-Detailed switch {*:}",
                    "-ImagePath string [aliases: Image] {*: P1 N}",
                    "-MaskPath string [aliases: Mask, PSPath, FullName] {*: M P0 N}",
                }),
            ["Export-GptImageBatch"] = Cmdlet(
                "Export-GptImageBatch class=ExportGptImageBatchCommand sealed ShouldProcess=True ConfirmImpact=Medium Output=GptImage.Orchestration.GptImageResult",
                new[]
                {
                    "-DestinationPath string {*: M P0}",
                    "-FileName string {*:}",
                    "-Force switch {*:}",
                    "-InputObject GptImage.Orchestration.GptImageResult {*: M V}",
                    "-Layout string {*:} [ValidateSet: Flat|ByQuality|ByModel|ByDate]",
                    "-ManifestPath string {*:}",
                    "-NoClobber switch {*:}",
                    "-PassThru switch {*:}",
                    "-ThumbnailWidth int? {*:} [ValidateRange: 16..4096]",
                    "-Tier System.Collections.IDictionary {*:}",
                    "-TierBy string {*:}",
                }),
            ["ConvertTo-GptImageMask"] = Cmdlet(
                "ConvertTo-GptImageMask class=ConvertToGptImageMaskCommand sealed ShouldProcess=True ConfirmImpact=Medium DefaultSet=FromImage Output=System.IO.FileInfo",
                new[]
                {
                    "-DestinationPath string {*: P1}",
                    "-EditColor GptImage.MaskEditColor {FromImage:} {FromImageLiteralPath:}",
                    "-Force switch {*:}",
                    "-Invert switch {*:}",
                    "-LiteralPath string[] [aliases: PSPath, LP, FullName] {FromImageLiteralPath: M N} {RectangleLiteralPath: M N}",
                    "-Path string[] {FromImage: M P0 V N} {Rectangle: M P0 V N}",
                    "-Rectangle string[] {Rectangle: M} {RectangleLiteralPath: M}",
                    "-Threshold int {FromImage:} {FromImageLiteralPath:} [ValidateRange: 1..254]",
                }),
            ["Resize-GptImage"] = Cmdlet(
                "Resize-GptImage class=ResizeGptImageCommand sealed ShouldProcess=True ConfirmImpact=Low DefaultSet=Path Output=System.IO.FileInfo",
                new[]
                {
                    "-Dpi double {*:}",
                    "-Force switch {*:}",
                    "-Height int? {*:}",
                    "-LiteralPath string[] [aliases: PSPath, FullName] {LiteralPath: M N}",
                    "-OutputDirectory string {*:}",
                    "-OutputFormat string {*:} [ValidateSet: png|jpeg|webp]",
                    "-Path string[] {Path: M P0 V N}",
                    "-PrintHeight double? {*:}",
                    "-PrintWidth double? {*:}",
                    "-Quality int? {*:} [ValidateRange: 1..100]",
                    "-Scale double? {*:}",
                    "-Width int? {*:}",
                }),
            ["Connect-GptImage"] = Cmdlet(
                "Connect-GptImage class=ConnectGptImageCommand sealed ShouldProcess=False DefaultSet=ApiKey Output=GptImage.Commands.GptImageConnection",
                new[]
                {
                    "-AccessToken System.Security.SecureString {AccessToken: M}",
                    "-AccessTokenScript System.Management.Automation.ScriptBlock {AccessTokenScript: M}",
                    "-ApiKey System.Security.SecureString {ApiKey:}",
                    "-AzureApiVersion string {*:}",
                    "-AzureDeployment string {*:}",
                    "-Endpoint string {*: P0}",
                    "-Organization string {*:}",
                    "-Project string {*:}",
                }),
            ["Get-GptImageTemplate"] = Cmdlet(
                "Get-GptImageTemplate class=GetGptImageTemplateCommand sealed ShouldProcess=False Output=GptImage.Templates.ImageTemplate",
                new[]
                {
                    "-Name string[] {*: P0 V N}",
                    "-TemplatePath string[] {*:}",
                }),
            ["New-GptImageConversation"] = Cmdlet(
                "New-GptImageConversation class=NewGptImageConversationCommand sealed ShouldProcess=False Output=GptImage.GptImageConversation",
                ToolOptions, new[]
                {
                    "-ApiKey System.Security.SecureString {*:}",
                    "-CacheDirectory string {*:}",
                    "-Endpoint string {*:}",
                    "-FileName string {*:}",
                    "-ImageModel string {*:}",
                    "-MaxRetries int {*:} [ValidateRange: 0..10]",
                    "-Model string {*:}",
                    "-NoCache switch {*:}",
                    "-OutputDirectory string {*:}",
                    "-PreviousResponseId string {*:}",
                    "-TimeoutSec int {*:} [ValidateRange: 1..3600]",
                }),
            ["Send-GptImageConversation"] = Cmdlet(
                "Send-GptImageConversation class=SendGptImageConversationCommand sealed ShouldProcess=True ConfirmImpact=Medium Output=GptImage.Orchestration.GptImageResult",
                ToolOptions, new[]
                {
                    "-Conversation GptImage.GptImageConversation {*: M}",
                    "-Force switch {*:}",
                    "-MaskPath string {*: N}",
                    "-Path string[] {*: N}",
                    "-Prompt string [aliases: Description, Text] {*: M P0 V N}",
                    "-SavePartial switch {*:}",
                }),
            ["Disconnect-GptImage"] = Cmdlet(
                "Disconnect-GptImage class=DisconnectGptImageCommand sealed ShouldProcess=False Output=System.Void"),
            ["Start-GptImageEmulator"] = Cmdlet(
                "Start-GptImageEmulator class=StartGptImageEmulatorCommand sealed ShouldProcess=False Output=GptImage.Commands.GptImageEmulator",
                new[]
                {
                    "-ArgumentList string[] {*:}",
                    "-DropRate double {*:} [ValidateRange: 0..1]",
                    "-ErrorRate double {*:} [ValidateRange: 0..1]",
                    "-ImagesPerMinute int {*:} [ValidateRange: 1..2147483647]",
                    "-InsufficientQuota switch {*:}",
                    "-LatencyMs int[] {*:} [ValidateRange: 0..600000]",
                    "-RateLimitRate double {*:} [ValidateRange: 0..1]",
                    "-RequestsPerMinute int {*:} [ValidateRange: 1..2147483647]",
                    "-Seed int? {*:}",
                    "-TimeoutSec int {*:} [ValidateRange: 1..600]",
                    "-TruncateRate double {*:} [ValidateRange: 0..1]",
                }),
            ["Stop-GptImageEmulator"] = Cmdlet(
                "Stop-GptImageEmulator class=StopGptImageEmulatorCommand sealed ShouldProcess=False Output=System.Void",
                new[]
                {
                    "-InputObject GptImage.Commands.GptImageEmulator[] {*: P0 V}",
                }),
            ["Measure-GptImageCost"] = Cmdlet(
                "Measure-GptImageCost class=MeasureGptImageCostCommand sealed ShouldProcess=False DefaultSet=Prompt Output=GptImage.Commands.GptImageCostEstimate,GptImage.Commands.GptImageCostTotal",
                RequestOptions, RowInputs, new[]
                {
                    "-Summary switch {*:}",
                }),
        };

        private static string Cmdlet(string header, params string[][] parameterGroups)
        {
            var parameters = parameterGroups.SelectMany(g => g).OrderBy(p => p.Split(' ')[0], System.StringComparer.Ordinal);
            return string.Join("\n", new[] { header }.Concat(parameters));
        }
    }
}
