# Configuration Manager configuration item, remediation script of the same setting: runs when the
# discovery script did not return "Compliant", with the logged on user's credentials. Applies the
# repairs the policy allows (journaled, verified, undoable from the app's History), never asks
# anything; prints the one outcome line and exits with the CLI's code (0 = repaired and verified).
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\signin-doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: the same policy file as the discovery script
if (-not (Test-Path -LiteralPath $App -PathType Leaf)) { Write-Output 'Sign-in Doctor is not installed for this user'; exit 1 }
$CliArgs = @('--cli', 'remediate', '--apply')
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
  Write-Output (Read-Line $Out $Err)
  exit $p.ExitCode
} finally {
  Remove-Item -LiteralPath $Out, $Err -ErrorAction SilentlyContinue
}
