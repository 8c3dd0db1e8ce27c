# Writes cmdlet help (from CmdletHelp.ps1) as the MAML file Get-Help reads for a binary module:
# <module>/en-US/<assembly>.dll-Help.xml. Dot-sourced by Build-ModuleHelp.ps1.

$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

function Write-MamlParas {
    param([System.Xml.XmlWriter] $Writer, [string] $Element, [string] $Namespace, [string[]] $Paragraphs)
    $Writer.WriteStartElement($Element, $Namespace)
    foreach ($paragraph in $Paragraphs) { $Writer.WriteElementString('para', $script:Maml, $paragraph) }
    if (-not $Paragraphs) { $Writer.WriteElementString('para', $script:Maml, '') }
    $Writer.WriteEndElement()
}

function Write-MamlType {
    param([System.Xml.XmlWriter] $Writer, [string] $TypeName, [string] $Description)
    $Writer.WriteStartElement('type', $script:Dev)
    $Writer.WriteElementString('name', $script:Maml, $TypeName)
    $Writer.WriteEndElement()
    if ($PSBoundParameters.ContainsKey('Description')) { Write-MamlParas $Writer 'description' $script:Maml @($Description | Where-Object { $_ }) }
}

function Write-MamlParameter {
    <# A parameter as the syntax (per set: its required and position there) or the Parameters section shows it. #>
    param([System.Xml.XmlWriter] $Writer, $Help, [bool] $Required, [string] $Position, [switch] $InSyntax)
    $Writer.WriteStartElement('parameter', $script:Command)
    $Writer.WriteAttributeString('required', $Required.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', ($Help.TypeName.EndsWith('[]')).ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $Help.Globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $Help.PipelineInput)
    $Writer.WriteAttributeString('position', $Position)
    $Writer.WriteAttributeString('aliases', $Help.Aliases)
    $Writer.WriteElementString('name', $script:Maml, $Help.Name)
    Write-MamlParas $Writer 'description' $script:Maml @($Help.Description)
    # A switch has no value to show in the syntax line ([-Force], not [-Force <SwitchParameter>]).
    if (-not ($InSyntax -and $Help.IsSwitch)) {
        $Writer.WriteStartElement('parameterValue', $script:Command)
        $Writer.WriteAttributeString('required', (-not $Help.IsSwitch).ToString().ToLowerInvariant())
        $Writer.WriteAttributeString('variableLength', 'false')
        $Writer.WriteString($Help.TypeName)
        $Writer.WriteEndElement()
    }
    Write-MamlType $Writer $Help.TypeFullName
    $Writer.WriteElementString('defaultValue', $script:Dev, $Help.Default)
    $Writer.WriteEndElement()
}

function Write-MamlCommand {
    param([System.Xml.XmlWriter] $Writer, $Help)
    $Writer.WriteStartElement('command', 'command', $script:Command)
    $Writer.WriteAttributeString('xmlns', 'maml', $null, $script:Maml)
    $Writer.WriteAttributeString('xmlns', 'dev', $null, $script:Dev)

    $Writer.WriteStartElement('details', $script:Command)
    $Writer.WriteElementString('name', $script:Command, $Help.Name)
    $Writer.WriteElementString('verb', $script:Command, $Help.Verb)
    $Writer.WriteElementString('noun', $script:Command, $Help.Noun)
    Write-MamlParas $Writer 'description' $script:Maml @($Help.Synopsis)
    $Writer.WriteEndElement()

    Write-MamlParas $Writer 'description' $script:Maml $Help.Description

    $Writer.WriteStartElement('syntax', $script:Command)
    foreach ($line in $Help.Syntax) {
        $Writer.WriteStartElement('syntaxItem', $script:Command)
        $Writer.WriteElementString('name', $script:Maml, $Help.Name)
        foreach ($entry in $line.Parameters) { Write-MamlParameter $Writer $entry.Help $entry.Required $entry.Position -InSyntax }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('parameters', $script:Command)
    foreach ($parameter in $Help.Parameters) { Write-MamlParameter $Writer $parameter $parameter.Required $parameter.Position }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('inputTypes', $script:Command)
    foreach ($input in $Help.Inputs) {
        $Writer.WriteStartElement('inputType', $script:Command)
        Write-MamlType $Writer $input.Type $input.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('returnValues', $script:Command)
    foreach ($output in $Help.Outputs) {
        $Writer.WriteStartElement('returnValue', $script:Command)
        Write-MamlType $Writer $output.Type $output.Description
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('alertSet', $script:Maml)
    $Writer.WriteStartElement('alert', $script:Maml)
    foreach ($note in $Help.Notes) { $Writer.WriteElementString('para', $script:Maml, $note) }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('examples', $script:Command)
    foreach ($example in $Help.Examples) {
        $Writer.WriteStartElement('example', $script:Command)
        $Writer.WriteElementString('title', $script:Maml, "--------- Example $($example.Number) ---------")
        $Writer.WriteElementString('code', $script:Dev, $example.Code)
        Write-MamlParas $Writer 'remarks' $script:Dev $example.Remarks
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('relatedLinks', $script:Command)
    # The first link with a URI is where Get-Help -Online goes.
    $links = @(@{ Text = 'Online Version:'; Uri = $Help.HelpUri }) + @($Help.Topics | ForEach-Object { @{ Text = $_; Uri = '' } })
    foreach ($link in $links) {
        $Writer.WriteStartElement('navigationLink', $script:Maml)
        $Writer.WriteElementString('linkText', $script:Maml, $link.Text)
        $Writer.WriteElementString('uri', $script:Maml, $link.Uri)
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteEndElement()
}

function Write-MamlFile {
    param([Parameter(Mandatory)] [string] $Path, [Parameter(Mandatory)] [object[]] $Commands)
    $settings = [System.Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [System.Text.UTF8Encoding]::new($false)
    $writer = [System.Xml.XmlWriter]::Create($Path, $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($help in $Commands) { Write-MamlCommand $writer $help }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    } finally {
        $writer.Dispose()
    }
}
