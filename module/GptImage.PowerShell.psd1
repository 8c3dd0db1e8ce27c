# Module manifest of GptImage.PowerShell: OpenAI GPT image models as compiled cmdlets.
# One netstandard2.0 build serves Windows PowerShell 5.1 and PowerShell 7.4+.
@{
    RootModule           = 'GptImage.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '0e1d4a7e-2462-49ca-8de6-1eea6bba2f24'
    Author               = 'GptImage.PowerShell contributors'
    CompanyName          = 'GptImage.PowerShell contributors'
    Copyright            = '(c) GptImage.PowerShell contributors.'
    Description          = 'Generate and edit images with OpenAI GPT image models (gpt-image-2): bulk runs from Import-Csv, masks, cost estimates, resumable batches.'
    CompatiblePSEditions = @('Desktop', 'Core')
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('GptImage.PowerShell.format.ps1xml')
    CmdletsToExport      = @(
        'New-GptImage'
        'Edit-GptImage'
        'Test-GptImageMask'
        'Export-GptImageBatch'
        'ConvertTo-GptImageMask'
        'Connect-GptImage'
        'Disconnect-GptImage'
        'Measure-GptImageCost'
        'Submit-GptImageBatchJob'
        'Get-GptImageBatchJob'
        'Receive-GptImageBatchJob'
        'Stop-GptImageBatchJob'
        'Get-GptImageTemplate'
        'New-GptImageConversation'
        'Send-GptImageConversation'
        'Resize-GptImage'
        'Expand-GptImage'
        'Start-GptImageEmulator'
        'Stop-GptImageEmulator'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    HelpInfoUri          = 'https://github.com/gptimage-powershell/GptImage.PowerShell'
    PrivateData          = @{
        PSData = @{
            Tags         = @('OpenAI', 'Image', 'gpt-image', 'AI', 'Batch', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/gptimage-powershell/GptImage.PowerShell'
            LicenseUri   = 'https://github.com/gptimage-powershell/GptImage.PowerShell/blob/main/LICENSE'
            ReleaseNotes = 'First release: New-GptImage, Edit-GptImage, masks, cost estimates, resumable batches with a manifest, the Batch API, and Start-GptImageEmulator for testing runbooks offline. Changes: https://github.com/gptimage-powershell/GptImage.PowerShell/releases'
        }
    }
}
