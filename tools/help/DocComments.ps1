# Reads the compiler's XML documentation file (GenerateDocumentationFile) and turns doc-comment elements into the
# plain text help shows. Dot-sourced by Build-ModuleHelp.ps1.

function Read-DocComments {
    <# The members of the documentation file by their id ('T:Namespace.Type', 'P:Namespace.Type.Property'). #>
    param([Parameter(Mandatory)] [string] $Path)
    $members = @{}
    # White space is kept: the indentation of a <code> element's lines is what an example's continuation lines keep.
    $document = [System.Xml.XmlDocument]::new()
    $document.PreserveWhitespace = $true
    $document.Load($Path)
    foreach ($member in $document.SelectNodes('/doc/members/member')) {
        $members[$member.name] = $member
    }
    return $members
}

function Get-PropertyDoc {
    <# The doc comment of a property, looked up on the class that declares it (a base class for shared parameters). #>
    param([hashtable] $Members, [System.Reflection.PropertyInfo] $Property)
    $Members['P:' + $Property.DeclaringType.FullName + '.' + $Property.Name]
}

function Get-DocElement {
    <# A child element of a member's doc comment, or $null (the XML adapter would give text, not the element). #>
    param($Member, [string] $Name)
    if ($null -eq $Member) { return $null }
    return $Member.SelectSingleNode($Name)
}

function ConvertTo-HelpText {
    <#
        The text of a doc-comment element as one paragraph: <c> and <see langword> become their text, <paramref> the
        parameter with its dash, <see cref> the member's last name; runs of white space (the comment's line breaks) one space.
    #>
    param($Element)
    if ($null -eq $Element) { return '' }
    $text = [System.Text.StringBuilder]::new()
    foreach ($node in $Element.ChildNodes) {
        switch ($node.NodeType) {
            'Text' { $null = $text.Append($node.Value) }
            'Whitespace' { $null = $text.Append(' ') }
            'SignificantWhitespace' { $null = $text.Append(' ') }
            'Element' {
                switch ($node.LocalName) {
                    'paramref' { $null = $text.Append('-' + $node.GetAttribute('name')) }
                    'see' {
                        if ($node.HasAttribute('langword')) { $null = $text.Append('$' + $node.GetAttribute('langword')) }
                        elseif ($node.HasAttribute('cref')) { $null = $text.Append(($node.GetAttribute('cref') -split '[.:]')[-1]) }
                        else { $null = $text.Append($node.InnerText) }
                    }
                    default { $null = $text.Append((ConvertTo-HelpText $node)) }
                }
            }
        }
    }
    return ($text.ToString() -replace '\s+', ' ').Trim()
}

function Get-HelpParagraphs {
    <# The <para> elements of an element as paragraphs; an element without any is one paragraph. #>
    param($Element)
    if ($null -eq $Element) { return @() }
    $paras = @($Element.SelectNodes('para'))
    if ($paras.Count -eq 0) { return @(ConvertTo-HelpText $Element | Where-Object { $_ }) }
    return @($paras | ForEach-Object { ConvertTo-HelpText $_ } | Where-Object { $_ })
}

function ConvertTo-HelpCode {
    <#
        The text of a <code> element as the lines a user pastes: blank lines around it dropped and the indentation the
        documentation file gave every line (that of the <code> element itself) removed, so continuation lines keep only
        their own indent.
    #>
    param($Element)
    $before = $Element.PreviousSibling
    $base = if ($before -and $before.NodeType -in 'Whitespace', 'SignificantWhitespace', 'Text') { ($before.Value -split "`n")[-1].Length } else { 0 }
    $lines = @(($Element.InnerText -replace "`r", '') -split "`n")
    for ($i = 1; $i -lt $lines.Count; $i++) {
        $strip = [Math]::Min($base, $lines[$i].Length - $lines[$i].TrimStart().Length)
        $lines[$i] = $lines[$i].Substring($strip)
    }
    while ($lines.Count -gt 0 -and -not $lines[0].Trim()) { $lines = @($lines | Select-Object -Skip 1) }
    while ($lines.Count -gt 0 -and -not $lines[-1].Trim()) { $lines = @($lines | Select-Object -SkipLast 1) }
    $indents = @($lines | Where-Object { $_.Trim() } | ForEach-Object { $_.Length - $_.TrimStart().Length })
    $cut = if ($indents.Count) { ($indents | Measure-Object -Minimum).Minimum } else { 0 }
    return (($lines | ForEach-Object { if ($_.Length -ge $cut) { $_.Substring($cut).TrimEnd() } else { '' } }) -join "`n")
}
