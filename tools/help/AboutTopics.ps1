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

function Format-Table2 {
    <# A markdown table as aligned columns: every column but the last padded, the last wrapped under itself. #>
    param([System.Collections.Generic.List[string[]]] $Rows)
    $columns = ($Rows | ForEach-Object { $_.Count } | Measure-Object -Maximum).Maximum
    $widths = @(for ($c = 0; $c -lt $columns - 1; $c++) { ($Rows | ForEach-Object { if ($c -lt $_.Count) { $_[$c].Length } else { 0 } } | Measure-Object -Maximum).Maximum })
    foreach ($row in $Rows) {
        $lead = '    '
        for ($c = 0; $c -lt $columns - 1; $c++) { $lead += $(if ($c -lt $row.Count) { $row[$c] } else { '' }).PadRight($widths[$c] + 2) }
        $last = if ($row.Count -ge $columns) { $row[$columns - 1] } else { '' }
        Format-Wrapped $last $lead (' ' * $lead.Length)
    }
}

function ConvertTo-AboutText {
    param([Parameter(Mandatory)] [string] $Markdown)
    $out = [System.Collections.Generic.List[string]]::new()
    $paragraph = [System.Collections.Generic.List[string]]::new()
    $table = [System.Collections.Generic.List[string[]]]::new()
    $bullet = $null
    $inCode = $false
    $section = ''

    $flush = {
        if ($paragraph.Count) {
            $text = ConvertFrom-InlineMarkdown ($paragraph -join ' ')
            # Get-Help lists the 5th line of the file as the topic's synopsis: the short description stays on one line.
            if ($section -eq 'SHORT DESCRIPTION') { $out.Add('    ' + $text) }
            elseif ($null -ne $bullet) { $out.AddRange([string[]](Format-Wrapped $text '    - ' '      ')) }
            else { $out.AddRange([string[]](Format-Wrapped $text '    ' '    ')) }
            $paragraph.Clear()
        }
        if ($table.Count) { $out.AddRange([string[]](Format-Table2 $table)); $table.Clear() }
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
        if ($raw -match '^## (.+)$') { . $flush; if ($out.Count -and $out[-1]) { $out.Add('') }; $section = $Matches[1].Trim().ToUpperInvariant(); $out.Add($section); continue }
        if ($raw -match '^###+ (.+)$') { . $flush; if ($out.Count -and $out[-1]) { $out.Add('') }; $out.Add('  ' + (ConvertFrom-InlineMarkdown $Matches[1].Trim())); continue }
        if ($raw -match '^\s*\|') {
            if ($paragraph.Count) { . $flush }
            if ($raw -notmatch '^\s*\|[\s:|-]+\|\s*$') { $table.Add([string[]]@($raw.Trim().Trim('|') -split '\|' | ForEach-Object { ConvertFrom-InlineMarkdown $_.Trim() })) }
            continue
        }
        # A blank line after a heading adds nothing: the text starts on the line below the heading.
        if (-not $raw.Trim()) { . $flush; if ($out.Count -and $out[-1] -and $out[-1].StartsWith(' ')) { $out.Add('') }; continue }
        if ($raw -match '^\s*[-*] (.+)$') { . $flush; $bullet = $true; $paragraph.Add($Matches[1]); continue }
        $paragraph.Add($raw.Trim())
    }
    . $flush
    return (($out -join [Environment]::NewLine).TrimEnd() + [Environment]::NewLine)
}
