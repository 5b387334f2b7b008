# Configuration Manager configuration item, setting type Script (String), discovery script. Run it
# with "Run scripts by using the logged on user credentials" (the app is installed per user and
# repairs the user's own profile). Outputs "Compliant" when there is nothing the policy allows to
# repair, else Sign-in Doctor's one status line (the compliance rule reports it as the value).
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\signin-doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: full path of a remediate policy JSON file (see deploy/README.md)
if (-not (Test-Path -LiteralPath $App -PathType Leaf)) { Write-Output 'Compliant'; exit 0 }
$CliArgs = @('--cli', 'remediate', '--detect')
# Start-Process joins the arguments with spaces: a path with spaces needs its own quotes.
if ($Policy) { $CliArgs += @('--policy', ('"{0}"' -f $Policy)) }
# The app writes UTF-8 (Windows PowerShell 5.1 reads a file without a byte-order mark as ANSI). With
# nothing on stdout (exit 2: a bad policy file or usage), the first line of stderr says why.
function Read-Line($OutFile, $ErrFile) {
  $Line = Get-Content -LiteralPath $OutFile -Raw -Encoding UTF8
  if (-not $Line) { $Line = Get-Content -LiteralPath $ErrFile -Encoding UTF8 -TotalCount 1 }
  return ("$Line" -replace '\s+$', '')
}
$Out = [IO.Path]::GetTempFileName(); $Err = [IO.Path]::GetTempFileName()
try {
  $p = Start-Process -FilePath $App -ArgumentList $CliArgs -Wait -PassThru -RedirectStandardOutput $Out -RedirectStandardError $Err
  if ($p.ExitCode -eq 0) { Write-Output 'Compliant' } else { Write-Output (Read-Line $Out $Err) }
} finally {
  Remove-Item -LiteralPath $Out, $Err -ErrorAction SilentlyContinue
}
