#!/bin/sh
# Jamf Pro policy script (for example scoped to a smart group of the extension attribute whose
# value starts with "Sign-in Doctor: Needs repair"): applies the repairs the policy allows, as the
# user at the console, never asking anything. Prints the one outcome line into the policy log;
# exits 0 when everything was repaired and verified, 1 when not (the policy shows as failed).
# SIGNIN_DOCTOR_APP overrides the app's path (tests only).
APP="/Applications/Sign-in Doctor.app/Contents/MacOS/Sign-in Doctor"
# The tests' override is never honoured as root: a root script must not run a program an environment names.
if [ "$(/usr/bin/id -u)" != 0 ] && [ -n "${SIGNIN_DOCTOR_APP:-}" ]; then APP="$SIGNIN_DOCTOR_APP"; fi
POLICY=""   # optional: the same policy file as the extension attribute

if [ ! -x "$APP" ]; then
  echo "Sign-in Doctor is not installed"
  exit 1
fi
set -- --cli remediate --apply
[ -n "$POLICY" ] && set -- "$@" --policy "$POLICY"

user=$(/usr/bin/stat -f%Su /dev/console 2>/dev/null)
case "$user" in
  '' | root | loginwindow | _mbsetupuser)
    echo "No user signed in: nothing repaired"
    exit 1
    ;;
esac
if [ "$(/usr/bin/id -u)" = 0 ] && [ -n "$user" ]; then
  /bin/launchctl asuser "$(/usr/bin/id -u "$user")" /usr/bin/sudo -n -H -u "$user" "$APP" "$@" </dev/null 2>/dev/null
else
  "$APP" "$@" </dev/null 2>/dev/null
fi
