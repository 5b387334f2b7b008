// `"Sign-in Doctor" --cli <command> [options]`: the installed app runs the CLI without a window.
// The packaged binary has its RunAsNode fuse off (so it cannot be used as `node`), and helpdesk
// tools only have what is installed; this is how they reach `diagnose --json`, `report`, `fix`.
import { app } from 'electron';
import { processIo } from '../cli/cli-io';
import { runCli } from '../cli/run-cli';
import { withoutTestSwitches } from '../engine-context';

/**
 * The CLI arguments when `--cli` is the first argument (after the app folder when run from a
 * checkout), otherwise undefined: a `--cli` further along (a URL, a file name) never switches mode.
 */
export function cliArguments(argv: readonly string[], packaged: boolean): string[] | undefined {
  const first = packaged ? 1 : 2;
  return argv[first] === '--cli' ? argv.slice(first + 1) : undefined;
}

/**
 * Runs one CLI command and exits the app with its exit code; no window, no single-instance lock.
 * The installed app ignores the test switches of the environment and refuses --state-dir.
 */
export async function runCliMode(args: readonly string[], packaged: boolean): Promise<void> {
  let code: number;
  try {
    const io = processIo();
    code = await runCli(args, packaged ? { ...io, env: withoutTestSwitches(io.env) } : io, undefined, { installed: packaged });
  } catch (error) {
    process.stderr.write(`signin-doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  }
  app.exit(code);
}
