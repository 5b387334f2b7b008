// The `explain` command: the codes and IDs in a pasted text (argument, --file or standard input),
// or one code looked up on its own (--code, any form: 53003, 3399614476, -2147023838, 80043490).
import { callOrThrow, flag, UsageError, type CommandRun } from '../common/cli-command';
import { readInputText } from '../common/cli-input';
import { renderExplanation, renderLookup } from './explain-render';

export const runExplain: CommandRun = async (inv) => {
  if (inv.flags.has('code')) {
    const code = flag(inv, 'code');
    if (!code) throw new UsageError('--code needs a value, for example --code 53003 or --code 0x80070422');
    if (inv.args.length || inv.flags.has('file')) throw new UsageError('--code looks up one code: give it no text and no --file');
    const { found } = await callOrThrow(inv, 'explain.lookup', { code });
    return { exitCode: 0, json: { found }, human: renderLookup(code, found) };
  }
  const text = await readInputText(inv, 'error text');
  const ex = await callOrThrow(inv, 'explain.text', { text });
  return { exitCode: 0, json: ex, human: renderExplanation(ex) };
};
