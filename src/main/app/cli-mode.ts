// `"Sign-in Doctor" --cli <command> [options]`: the installed app runs the CLI without a window.
// The packaged binary has its RunAsNode fuse off (so it cannot be used as `node`), and helpdesk
// tools only have what is installed; this is how they reach `diagnose --json`, `report`, `fix`.
import { app } from 'electron';
import { processIo } from '../cli/cli-io';
import { runCli } from '../cli/run-cli';

/** The CLI arguments when the app was started with `--cli`, otherwise undefined. */
export function cliArguments(argv: readonly string[]): string[] | undefined {
  const at = argv.indexOf('--cli');
  return at < 0 ? undefined : argv.slice(at + 1);
}

/** Runs one CLI command and exits the app with its exit code; no window, no single-instance lock. */
export async function runCliMode(args: readonly string[]): Promise<void> {
  let code: number;
  try {
    code = await runCli(args, processIo());
  } catch (error) {
    process.stderr.write(`signin-doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  }
  app.exit(code);
}
