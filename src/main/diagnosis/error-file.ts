// `diagnose --error-file F`: the error text from a file, refused (usage error, exit 2) when it is
// missing, not a file, too big or binary. The text is only read, never written anywhere.
import { open } from 'node:fs/promises';
import { MAX_EXPLAIN_INPUT } from '../../shared/contract/explain';
import { UsageError } from '../common/cli-command';

/** A file with a NUL byte, or where more than 1 byte in 10 is a control byte, is not pasted text. */
export function looksBinary(buf: Buffer): boolean {
  if (buf.includes(0)) return true;
  let control = 0;
  for (const b of buf) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  return buf.length > 0 && control / buf.length > 0.1;
}

export async function readErrorFile(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new UsageError(`cannot read the error file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new UsageError(`the error file ${path} is not a file`);
    if (info.size > MAX_EXPLAIN_INPUT) throw new UsageError(`the error file ${path} is larger than ${MAX_EXPLAIN_INPUT / 1024 / 1024} MB: give only the error message`);
    const buf = await handle.readFile();
    if (buf.length > MAX_EXPLAIN_INPUT) throw new UsageError(`the error file ${path} is larger than ${MAX_EXPLAIN_INPUT / 1024 / 1024} MB: give only the error message`);
    // Windows editors save "Unicode" text as UTF-16 with a byte-order mark.
    if (buf[0] === 0xff && buf[1] === 0xfe) {
      const text = buf.subarray(2).toString('utf16le');
      if (!looksBinary(Buffer.from(text, 'utf8'))) return text;
    }
    if (looksBinary(buf)) throw new UsageError(`the error file ${path} is binary, not text: save the error message as text (or a screenshot's code typed in)`);
    return buf.toString('utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the error file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  } finally {
    await handle.close();
  }
}
