// The full `signin-doctor` command (bundled to dist/cli-main.js; dist/cli.js, src/main/cli-launcher.ts,
// hands it every command but a lone --version or --help).
import { processIo } from './cli/cli-io';
import { runCli } from './cli/run-cli';

// Once the command has answered, the process must end even if something below us still holds the
// event loop (a PC/SC call stuck in a hung daemon, a socket a timed-out check left behind): a
// remote-management tool waiting on us would otherwise wait forever. The grace period lets stdout
// drain; a healthy run exits earlier, when the loop empties.
const EXIT_GRACE_MS = 2_000;

function finish(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}

runCli(process.argv.slice(2), processIo()).then(finish, (error: unknown) => {
  process.stderr.write(`signin-doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  finish(1);
});
