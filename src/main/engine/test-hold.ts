// Test switch (documented under "testing", ignored by the installed app): with
// SIGNIN_DOCTOR_TEST_HOLD_AT=N the runner names every event on stderr ("runner event 3
// journal-write") and stops for good at the Nth, after saying "held at runner event N". A crash test
// kills the process right then, so every kill point (each journal write, each step done but not yet
// journaled) is hit exactly, however fast or slow the machine is.
import type { RunnerEvent } from './runner';

export const HOLD_ENV = 'SIGNIN_DOCTOR_TEST_HOLD_AT';

export function holdProbe(env: NodeJS.ProcessEnv, write: (line: string) => void = (line) => process.stderr.write(line)): ((event: RunnerEvent) => Promise<void>) | undefined {
  const raw = env[HOLD_ENV];
  if (raw === undefined || raw === '') return undefined;
  const at = Number(raw);
  if (!Number.isInteger(at) || at < 1) throw new Error(`${HOLD_ENV} must be a positive whole number (got "${raw.slice(0, 20)}")`);
  return async (event) => {
    write(`runner event ${event.count} ${event.kind}\n`);
    if (event.count !== at) return;
    write(`held at runner event ${at}\n`);
    // Never resolves; the interval keeps the process alive until the test kills it.
    await new Promise<never>(() => setInterval(() => undefined, 60_000));
  };
}
