// The `explain` command: the codes and IDs in a pasted text (argument, --file or standard input).
import { callOrThrow, type CommandRun } from '../common/cli-command';
import { readInputText } from '../common/cli-input';
import { renderExplanation } from './explain-render';

export const runExplain: CommandRun = async (inv) => {
  const text = await readInputText(inv, 'error text');
  const ex = await callOrThrow(inv, 'explain.text', { text });
  return { exitCode: 0, json: ex, human: renderExplanation(ex) };
};
