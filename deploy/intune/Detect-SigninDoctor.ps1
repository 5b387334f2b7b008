# Intune Remediations, detection script: runs in the signed-in user's context (per-user install).
# Prints Sign-in Doctor's one status line; exit 1 = something the policy allows to repair (Intune
# then runs Remediate-SigninDoctor.ps1), exit 0 = nothing to repair. Nothing on stderr: Intune
# counts any stderr output as a script error.
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\Sign-in Doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: full path of a remediate policy JSON file (see deploy/README.md)
if (-not (Test-Path -LiteralPath $App -PathType Leaf)) { Write-Output 'Sign-in Doctor is not installed for this user'; exit 0 }
$CliArgs = @('--cli', 'remediate', '--detect')
# Start-Process joins the arguments with spaces: a path with spaces needs its own quotes.
if ($Policy) { $CliArgs += @('--policy', ('"{0}"' -f $Policy)) }
$Out = [IO.Path]::GetTempFileName(); $Err = [IO.Path]::GetTempFileName()
try {
  # The app is a windowed program: Start-Process -Wait gives its exit code; its output goes to files.
  $p = Start-Process -FilePath $App -ArgumentList $CliArgs -Wait -PassThru -RedirectStandardOutput $Out -RedirectStandardError $Err
  Write-Output ((Get-Content -LiteralPath $Out -Raw) -replace '\s+$', '')
  exit $p.ExitCode
} finally {
  Remove-Item -LiteralPath $Out, $Err -ErrorAction SilentlyContinue
}
