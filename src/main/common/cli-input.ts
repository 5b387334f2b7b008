// Text a CLI command reads: an argument, --file, or standard input (explain, and fixes with a text option).
import { readFile } from 'node:fs/promises';
import { MAX_EXPLAIN_INPUT } from '../../shared/contract/explain';
import { UsageError, flag, type Invocation } from './cli-command';

export async function readInputText(inv: Invocation, what: string): Promise<string> {
  const file = flag(inv, 'file');
  if (file) {
    try {
      const buf = await readFile(file);
      if (buf.length > MAX_EXPLAIN_INPUT) throw new UsageError(`${file} is larger than ${MAX_EXPLAIN_INPUT / 1024 / 1024} MB`);
      return buf.toString('utf8');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (inv.args.length) return inv.args.join(' ');
  if (inv.io.stdinIsTTY) throw new UsageError(`give the ${what} as an argument, with --file, or on standard input`);
  return inv.io.readStdin();
}
