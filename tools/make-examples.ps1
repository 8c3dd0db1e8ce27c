<#
.SYNOPSIS
    Re-creates the small images and masks in examples/ that the help and README examples use.
.DESCRIPTION
    Flat-coloured 1024x1024 pictures made with the module's own PNG encoder, and the mask made from photo.png with
    ConvertTo-GptImageMask, so the committed files stay tiny and anyone can make them again. Run after `dotnet build`:
        dotnet pwsh -NoProfile -File tools/make-examples.ps1
#>
[CmdletBinding()]
param([string] $Destination = (Join-Path $PSScriptRoot '../examples'))

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../tests/Support/TestEnvironment.ps1')
Import-Module (Get-GptImageModulePath) -Force

function New-Row {
    <# One row of pixels: the background colour, with the boxes that cross this row painted over it. #>
    param([int] $Width, [int[]] $Colour, [object[]] $Boxes)
    $row = [byte[]]::new($Width * 4)
    for ($x = 0; $x -lt $Width; $x++) { $row[$x * 4] = $Colour[0]; $row[$x * 4 + 1] = $Colour[1]; $row[$x * 4 + 2] = $Colour[2]; $row[$x * 4 + 3] = 255 }
    foreach ($box in $Boxes) {
        for ($x = $box[0]; $x -lt $box[0] + $box[2]; $x++) { $row[$x * 4] = $box[4]; $row[$x * 4 + 1] = $box[5]; $row[$x * 4 + 2] = $box[6] }
    }
    return , $row
}

function New-Picture {
    <# A 1024x1024 PNG: a background colour per row and coloured boxes (x, y, width, height, r, g, b) over it. #>
    param([string] $Path, [scriptblock] $Background, [object[]] $Boxes = @())
    $size = 1024
    $rgba = [byte[]]::new($size * $size * 4)
    $rows = @{}   # rows repeat: build each distinct one once
    for ($y = 0; $y -lt $size; $y++) {
        $colour = & $Background $y
        $crossing = @($Boxes | Where-Object { $y -ge $_[1] -and $y -lt $_[1] + $_[3] })
        $key = ($colour -join ',') + '|' + (($crossing | ForEach-Object { $_ -join ',' }) -join ';')
        if (-not $rows.ContainsKey($key)) { $rows[$key] = New-Row $size $colour $crossing }
        [Array]::Copy($rows[$key], 0, $rgba, $y * $size * 4, $size * 4)
    }
    $folder = Split-Path -Parent $Path
    if (-not (Test-Path -LiteralPath $folder)) { $null = New-Item -ItemType Directory -Path $folder }
    [System.IO.File]::WriteAllBytes($Path, [GptImage.Imaging.PngEncoder]::EncodeRgba($size, $size, $rgba, [System.IO.Compression.CompressionLevel]::Optimal))
}

$sky = { param($y) if ($y -lt 400) { , @(120, [int](160 + [Math]::Floor($y / 16)), 230) } else { , @(70, 150, 60) } }
$plain = { param($y) , @(235, 235, 235) }
$white = { param($y) , @(255, 255, 255) }
$black = { param($y) , @(0, 0, 0) }

New-Picture (Join-Path $Destination 'photo.png') $sky @(, @(400, 500, 240, 200, 150, 90, 40))
New-Picture (Join-Path $Destination 'photo-drawing.png') $white @(, @(0, 0, 1024, 400, 0, 0, 0))
New-Picture (Join-Path $Destination 'team.png') $plain @(@(200, 300, 200, 500, 40, 60, 160), @(620, 300, 200, 500, 160, 40, 60))
New-Picture (Join-Path $Destination 'shots/mug.png') $plain @(, @(380, 360, 260, 300, 250, 250, 250))
New-Picture (Join-Path $Destination 'shots/lamp.png') $plain @(, @(470, 200, 80, 600, 190, 150, 60))
New-Picture (Join-Path $Destination 'refs/apple.png') $plain @(, @(400, 400, 220, 220, 200, 30, 30))
New-Picture (Join-Path $Destination 'refs/bread.png') $plain @(, @(300, 450, 420, 160, 200, 150, 90))
New-Picture (Join-Path $Destination 'drawings/logo.png') $black @(, @(384, 384, 256, 256, 255, 255, 255))
$null = ConvertTo-GptImageMask -Path (Join-Path $Destination 'photo.png') -Rectangle '0,0,1024,400' -DestinationPath (Join-Path $Destination 'photo.mask.png') -Force
Get-ChildItem -LiteralPath $Destination -Recurse -File | Select-Object @{ n = 'File'; e = { $_.FullName.Substring((Resolve-Path $Destination).Path.Length + 1) } }, Length
