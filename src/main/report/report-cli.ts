// CLI command of the report domain: the message for IT, or the support bundle as a zip.
import { readTextFile } from '../common/cli-input';
import { UsageError, callOrThrow, flag, hasFlag, onlyDomains, type CommandRun, type Invocation } from '../common/cli-command';

async function errorText(inv: Invocation): Promise<string | undefined> {
  const given = flag(inv, 'error');
  const file = flag(inv, 'error-file');
  if (given !== undefined && file !== undefined) throw new UsageError('give --error or --error-file, not both');
  if (hasFlag(inv, 'error-file') && file === undefined) throw new UsageError('--error-file needs a file name');
  const source = given ?? file;
  if (source === undefined) return undefined;
  if (source === '-') return inv.io.readStdin();
  return readTextFile(source, 'the error file');
}

export const runReport: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  const out = flag(inv, 'out');
  const wantMessage = hasFlag(inv, 'message');
  if (!out && !wantMessage) throw new UsageError('say --out FILE.zip (support bundle) or --message (message for IT)');
  if (out && wantMessage) throw new UsageError('give --out or --message, not both');
  const pastedText = await errorText(inv);
  const domains = onlyDomains(inv);
  const common = { includePersonal: hasFlag(inv, 'include-personal'), ...(pastedText !== undefined ? { pastedText } : {}), ...(domains ? { only: domains } : {}) };
  if (wantMessage) {
    const result = await callOrThrow(inv, 'report.it-message', common);
    return { exitCode: 0, json: result, human: `${result.message}\n` };
  }
  const result = await callOrThrow(inv, 'report.write-bundle', { ...common, path: out });
  const human = [
    `Saved the support bundle to ${result.path} (${result.bytes} bytes):`,
    ...result.files.map((f) => `  ${f}`),
    common.includePersonal ? 'Personal data is included, as asked. Tokens and passwords are never included.' : 'User names, home folders, e-mail addresses, device names and IP addresses were replaced; tokens and passwords are never included.',
    'Send it to IT with the message (signin-doctor report --message).',
  ].join('\n');
  return { exitCode: 0, json: result, human: `${human}\n` };
};

