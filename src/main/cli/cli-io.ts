// The CLI's window on the world, injectable so tests run commands in-process.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
  /** Ask a yes/no question on a terminal; resolves false when there is no terminal. */
  confirm(question: string): Promise<boolean>;
  env: NodeJS.ProcessEnv;
}

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
