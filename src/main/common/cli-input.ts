// Text a CLI command reads: an argument, --file, or standard input (explain, and fixes with a text option).
import { open } from 'node:fs/promises';
import { MAX_EXPLAIN_INPUT } from '../../shared/contract/explain';
import { UsageError, flag, type Invocation } from './cli-command';

/** A file with a NUL byte, or where more than 1 byte in 10 is a control byte, is not pasted text. */
export function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  let control = 0;
  for (const b of buf) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return buf.length > 0 && control / buf.length > 0.1;
}

/**
 * Pasted text from a file (`--file`, `--error-file`): refused as a usage error (exit 2) when it is
 * missing, not a file, larger than the explainer takes, or binary. Only read, never written.
 * `label` names it in messages ("the error file").
 */
export async function readTextFile(path: string, label = 'the file'): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UsageError(`cannot read ${label} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const tooBig = () => new UsageError(`${label} ${path} is larger than ${MAX_EXPLAIN_INPUT / 1024 / 1024} MB: give only the error message`);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`${label} ${path} is not a file`);
    if (info.size > MAX_EXPLAIN_INPUT) throw tooBig();
    const buf = await handle.readFile();
    if (buf.length > MAX_EXPLAIN_INPUT) throw tooBig();
    // Windows editors save "Unicode" text as UTF-16 with a byte-order mark.
    if (buf[0] === 0xff && buf[1] === 0xfe) {
      const text = buf.subarray(2).toString('utf16le');
      if (!looksBinary(Buffer.from(text, 'utf8'))) return text;
    }
    if (looksBinary(buf)) throw new UsageError(`${label} ${path} is binary, not text: save the error message as text (or a screenshot's code typed in)`);
    return buf.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${label} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await handle.close();
  }
}

export async function readInputText(inv: Invocation, what: string): Promise<string> {
  const file = flag(inv, 'file');
  if (file) return readTextFile(file);
  if (inv.args.length) return inv.args.join(' ');
  if (inv.io.stdinIsTTY) throw new UsageError(`give the ${what} as an argument, with --file, or on standard input`);
  return inv.io.readStdin();
}
