// The CLI's window on the world in a real process (the interface is in common/cli-command.ts).
import type { CliIo } from '../common/cli-command';

export type { CliIo };

export const STDIN_LIMIT = 8 * 1024 * 1024;

export function processIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    env: process.env,
    readStdin: () =>
      new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        process.stdin.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > STDIN_LIMIT) {
            process.stdin.destroy();
            reject(new Error(`standard input is larger than ${STDIN_LIMIT / 1024 / 1024} MB`));
            return;
          }
          chunks.push(chunk);
        });
        process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        process.stdin.on('error', reject);
      }),
    confirm: async (question) => {
      if (!process.stdin.isTTY) return false;
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      try {
        const answer = await rl.question(`${question} [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
      } finally {
        rl.close();
      }
    },
  };
}
