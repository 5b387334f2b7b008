#!/bin/sh
# Jamf Pro extension attribute (Data type: String, Input type: Script): Sign-in Doctor's one-line
# status of this Mac, as <result>...</result>. Jamf runs it as root at inventory; the checks are run
# as the user at the console (their Teams profile, their sign-in), so nothing is repaired or changed.
# SIGNIN_DOCTOR_APP overrides the app's path (tests only).
APP="/Applications/Sign-in Doctor.app/Contents/MacOS/Sign-in Doctor"
# The tests' override is never honoured as root: a root script must not run a program an environment names.
if [ "$(/usr/bin/id -u)" != 0 ] && [ -n "${SIGNIN_DOCTOR_APP:-}" ]; then APP="$SIGNIN_DOCTOR_APP"; fi
POLICY=""   # optional: full path of a remediate policy JSON file (see deploy/README.md)

if [ ! -x "$APP" ]; then
  echo "<result>Sign-in Doctor is not installed</result>"
  exit 0
fi
set -- --cli remediate --detect
[ -n "$POLICY" ] && set -- "$@" --policy "$POLICY"

user=$(/usr/bin/stat -f%Su /dev/console 2>/dev/null)
case "$user" in
  '' | root | loginwindow | _mbsetupuser)
    echo "<result>No user signed in: not checked</result>"
    exit 0
    ;;
esac
if [ "$(/usr/bin/id -u)" = 0 ] && [ -n "$user" ]; then
  # From root to the console user: no password is asked, nothing gains rights.
  line=$(/bin/launchctl asuser "$(/usr/bin/id -u "$user")" /usr/bin/sudo -n -H -u "$user" "$APP" "$@" </dev/null 2>/dev/null)
else
  line=$("$APP" "$@" </dev/null 2>/dev/null)
fi
echo "<result>${line:-Sign-in Doctor gave no status}</result>"
exit 0
