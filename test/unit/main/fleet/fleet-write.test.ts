// Writing the CSV a line at a time settles on the stream's outcome: a stream that fails part way
// (the stand-in for a full disk: the real one is tested through the built CLI with a file-size
// limit) rejects with its error instead of leaving the run waiting; a good one gets every line.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeLines } from '../../../../src/main/fleet/write-lines';

function sink(failAfter = Infinity): { out: Writable; lines: string[] } {
  const lines: string[] = [];
  const out = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (lines.length >= failAfter) return done(Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }));
      lines.push(String(chunk));
      done();
    },
  });
  return { out, lines };
}

describe('writing lines', () => {
  it('writes every line, in order', async () => {
    const { out, lines } = sink();
    await writeLines(out, ['a\r\n', 'b\r\n', 'c\r\n']);
    expect(lines).toEqual(['a\r\n', 'b\r\n', 'c\r\n']);
  });

  it('rejects with the stream error when a write fails part way, and stops making lines', async () => {
    const { out, lines } = sink(2);
    let made = 0;
    function* many() {
      for (let i = 0; i < 100_000; i++) {
        made++;
        yield `${i}\r\n`;
      }
    }
    await expect(writeLines(out, many())).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(lines).toEqual(['0\r\n', '1\r\n']);
    expect(made).toBeLessThan(100_000);
  });
});
