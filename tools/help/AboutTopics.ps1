# Turns an about topic written in markdown (docs/about/about_*.md, readable on the project's site) into the plain text
# Get-Help shows: TOPIC, SHORT DESCRIPTION (the line Get-Help lists as the synopsis), LONG DESCRIPTION and sections,
# paragraphs wrapped at 80 columns, code indented and kept as written. Dot-sourced by Build-ModuleHelp.ps1.

$script:AboutWidth = 80

function ConvertFrom-InlineMarkdown {
    <# `code` and **bold** lose their marks; [text](url) becomes "text (url)". #>
    param([string] $Text)
    $Text = [regex]::Replace($Text, '\[([^\]]+)\]\(([^)]+)\)', '$1 ($2)')
    $Text = $Text -replace '\*\*([^*]+)\*\*', '$1' -replace '`([^`]+)`', '$1'
    return $Text
}

function Format-Wrapped {
    <# A paragraph wrapped to the width, the first line after $First and the others after $Rest. #>
    param([string] $Text, [string] $First, [string] $Rest)
    $lines = [System.Collections.Generic.List[string]]::new()
    $line = $First
    $empty = $true
    foreach ($word in ($Text -split '\s+' | Where-Object { $_ })) {
        if (-not $empty -and ($line.Length + 1 + $word.Length) -gt $script:AboutWidth) {
            $lines.Add($line)
            $line = $Rest + $word
        } else {
            $line = if ($empty) { $line + $word } else { $line + ' ' + $word }
        }
        $empty = $false
    }
    $lines.Add($line)
    return $lines
}

function ConvertTo-AboutText {
    param([Parameter(Mandatory)] [string] $Markdown)
    $out = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $bullet = $null
    $inCode = $false

    $flush = {
        if ($paragraph.Count) {
            $text = ConvertFrom-InlineMarkdown ($paragraph -join ' ')
            if ($null -ne $bullet) { $out.AddRange([string[]](Format-Wrapped $text '    - ' '      ')) }
            else { $out.AddRange([string[]](Format-Wrapped $text '    ' '    ')) }
            $paragraph.Clear()
        }
        $bullet = $null   # dot-sourced: this is the caller's variable
    }

    foreach ($raw in ($Markdown -replace "`r", '') -split "`n") {
        if ($raw -match '^\s*```') {
            . $flush
            $inCode = -not $inCode
            continue
        }
        if ($inCode) { $out.Add($(if ($raw.Trim()) { '        ' + $raw } else { '' })); continue }
        if ($raw -match '^# (.+)$') { . $flush; $out.Add('TOPIC'); $out.Add('    ' + $Matches[1].Trim()); continue }
        if ($raw -match '^## (.+)$') { . $flush; if ($out.Count -and $out[-1]) { $out.Add('') }; $out.Add($Matches[1].Trim().ToUpperInvariant()); continue }
        if ($raw -match '^###+ (.+)$') { . $flush; if ($out.Count -and $out[-1]) { $out.Add('') }; $out.Add('  ' + (ConvertFrom-InlineMarkdown $Matches[1].Trim())); continue }
        if ($raw -match '^\s*\|') { . $flush; if ($raw -notmatch '^\s*\|[\s:|-]+\|\s*$') { $out.Add('    ' + (ConvertFrom-InlineMarkdown $raw.Trim())) }; continue }
        if (-not $raw.Trim()) { . $flush; if ($out.Count -and $out[-1]) { $out.Add('') }; continue }
        if ($raw -match '^\s*[-*] (.+)$') { . $flush; $bullet = $true; $paragraph.Add($Matches[1]); continue }
        $paragraph.Add($raw.Trim())
    }
    . $flush
    return (($out -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine)
}
