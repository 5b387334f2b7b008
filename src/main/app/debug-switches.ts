// Chromium switches that would let whoever starts the installed app drive its page (and so call
// window.signinDoctor) from outside. No fuse covers them; the installed app refuses to start.
// Chromium reads switches anywhere on the command line, so every argument is looked at.
const REFUSED = ['--remote-debugging-port', '--remote-debugging-pipe', '--remote-debugging-address', '--remote-allow-origins'];

/** The first refused switch on the command line, or undefined. */
export function debuggingSwitch(argv: readonly string[]): string | undefined {
  for (const arg of argv.slice(1)) {
    if (arg === '--') return undefined;
    const name = REFUSED.find((s) => arg === s || arg.startsWith(`${s}=`));
    if (name) return name;
  }
  return undefined;
}
