# Configuration Manager configuration item, remediation script of the same setting: runs when the
# discovery script did not return "Compliant", with the logged on user's credentials. Applies the
# repairs the policy allows (journaled, verified, undoable from the app's History), never asks
# anything; prints the one outcome line and exits with the CLI's code (0 = repaired and verified).
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\Sign-in Doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: the same policy file as the discovery script
if (-not (Test-Path -LiteralPath $App -PathType Leaf)) { Write-Output 'Sign-in Doctor is not installed for this user'; exit 1 }
$CliArgs = @('--cli', 'remediate', '--apply')
# Start-Process joins the arguments with spaces: a path with spaces needs its own quotes.
if ($Policy) { $CliArgs += @('--policy', ('"{0}"' -f $Policy)) }
$Out = [IO.Path]::GetTempFileName(); $Err = [IO.Path]::GetTempFileName()
try {
  $p = Start-Process -FilePath $App -ArgumentList $CliArgs -Wait -PassThru -RedirectStandardOutput $Out -RedirectStandardError $Err
  Write-Output ((Get-Content -LiteralPath $Out -Raw) -replace '\s+$', '')
  exit $p.ExitCode
} finally {
  Remove-Item -LiteralPath $Out, $Err -ErrorAction SilentlyContinue
}
