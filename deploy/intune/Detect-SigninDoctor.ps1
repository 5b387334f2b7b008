# Intune Remediations, detection script: runs in the signed-in user's context (per-user install).
# Prints Sign-in Doctor's one status line; exit 1 = something the policy allows to repair (Intune
# then runs Remediate-SigninDoctor.ps1), exit 0 = nothing to repair. Nothing on stderr: Intune
# counts any stderr output as a script error.
$ErrorActionPreference = 'Stop'
$App = Join-Path $env:LOCALAPPDATA 'Programs\signin-doctor\Sign-in Doctor.exe'
$Policy = ''   # optional: full path of a remediate policy JSON file (see deploy/README.md)
if (-not (Test-Path -LiteralPath $App -PathType Leaf)) { Write-Output 'Sign-in Doctor is not installed for this user'; exit 0 }
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
  # The app is a windowed program: Start-Process -Wait gives its exit code; its output goes to files.
  $p = Start-Process -FilePath $App -ArgumentList $CliArgs -Wait -PassThru -RedirectStandardOutput $Out -RedirectStandardError $Err
  Write-Output (Read-Line $Out $Err)
  exit $p.ExitCode
} finally {
  Remove-Item -LiteralPath $Out, $Err -ErrorAction SilentlyContinue
}
