// Runs a child that reports runner events on a stream, and kills it -9 the moment it says it is
// held (or lets it finish). Shared by the crash tests of the engine and of the Teams cache clear.
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HeldRun {
  /** Events the child reported before it was killed or ended. */
  events: number;
  /** True when the child said it was held and was killed there. */
  killed: boolean;
  /** The child's last line (e.g. "done verified"). */
  last: string;
}

/** Reads `stream` line by line; kills the child at the line matching `held`. Resolves when it has exited and its output is read. */
export function killWhenHeld(child: ChildProcess, stream: NodeJS.ReadableStream, held: RegExp): Promise<HeldRun> {
  return new Promise((resolve, reject) => {
    const run: HeldRun = { events: 0, killed: false, last: '' };
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      run.last = line;
      if (/(^|\s)event \d+ /.test(line)) run.events++;
      if (held.test(line) && !run.killed) {
        run.killed = true;
        child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    // 'close', not 'exit': every line the child wrote has been read by then.
    child.on('close', () => resolve(run));
  });
}
