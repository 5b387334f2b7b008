// Entry point of the `signin-doctor` command (bundled to dist/cli.js).
import { processIo } from './cli/cli-io';
import { runCli } from './cli/run-cli';

runCli(process.argv.slice(2), processIo()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`signin-doctor: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
