// Holds a repair at an exact point, in-process: the runner awaits its probe at every event, so a
// test can look at the app mid-repair (progress shown, journal says "running") or change the disk
// there, then let it go on. Deterministic on any machine: nothing waits on time.
import type { RunnerEvent } from '../../src/main/engine/runner';

export interface RunnerGate {
  probe(event: RunnerEvent): Promise<void>;
  /** Resolves with the event the run is held at. */
  reached: Promise<RunnerEvent>;
  /** Lets the held run go on (later matching events no longer hold). */
  release(): void;
}

/** Holds the run once, at the first event that `when` accepts. */
export function runnerGate(when: (event: RunnerEvent) => boolean): RunnerGate {
  let reach!: (event: RunnerEvent) => void;
  let open!: () => void;
  const reached = new Promise<RunnerEvent>((resolve) => (reach = resolve));
  const opened = new Promise<void>((resolve) => (open = resolve));
  let held = false;
  return {
    reached,
    release: () => open(),
    async probe(event) {
      if (held || !when(event)) return;
      held = true;
      reach(event);
      await opened;
    },
  };
}
