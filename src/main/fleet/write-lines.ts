// Writes lines to a stream as they are made (a fleet's CSV can be large) and settles only when the
// stream has finished or failed: a write error (a full disk, a removed share) rejects, never leaves
// the run waiting for a 'close' that has already passed.
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export async function writeLines(out: Writable, lines: Iterable<string>): Promise<void> {
  await pipeline(Readable.from(lines), out);
}
