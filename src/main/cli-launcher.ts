// Entry point of the `signin-doctor` command (bundled to dist/cli.js). Helpdesk scripts call the
// CLI many times: `--version` and `--help` are answered here from command metadata alone, at
// nearly the cost of starting Node; anything else is handed to the full CLI beside this file
// (dist/cli-main.js, src/main/cli.ts), which loads a command's domain only when it runs.
import { join } from 'node:path';
import { ALL_COMMANDS } from './cli/commands';
import { helpText } from './cli/help';
import { APP_VERSION } from './common/version';

const argv = process.argv.slice(2);
if (argv.length === 1 && argv[0] === '--version') {
  process.stdout.write(`${APP_VERSION}\n`);
} else if (argv.length === 1 && argv[0] === '--help') {
  process.stdout.write(helpText(ALL_COMMANDS));
} else {
  // A runtime path, so the bundler leaves the full CLI in its own file (it starts itself on load).
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS bundle loading its sibling
  require(join(__dirname, 'cli-main.js'));
}
