# Intune Remediations, remediation script: runs in the signed-in user's context, after the
# detection script exited 1. Applies exactly the repairs the policy allows (journaled, verified,
# undoable from the app's History); never asks anything. Prints the one outcome line; exit 0 =
# everything repaired and verified, 1 = not. Nothing on stderr (Intune counts it as a script error).
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\Sign-in Doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: the same policy file as the detection script
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
