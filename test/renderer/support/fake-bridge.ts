// A fake window.signinDoctor for component tests, typed by src/shared/contract: each call answers
// from canned results (in turn, the last one repeating) or a handler; what the renderer sends is
// checked against the call's input schema and every canned answer against its output schema, so
// a test cannot feed a component what the real service could never send (or accept what it would
// refuse). Events are pushed by the test with emit(). A call with no answer fails loudly.
import { act } from '@testing-library/react';
import { calls, events, type CallError, type CallInput, type CallName, type CallOutput, type EventName, type EventPayload, type SigninDoctorBridge } from '../../../src/shared/contract';
import { evidenceMismatch } from '../../../src/shared/contract/findings';
import type { Finding } from '../../../src/shared/model';

/** Makes a call answer { ok: false, error } (what the service sends for a refusal). */
export class Refusal {
  constructor(
    readonly code: CallError['code'],
    readonly message: string,
  ) {}
}

type Answer<N extends CallName> = CallOutput<N> | Refusal | ((input: CallInput<N>) => CallOutput<N> | Refusal | Promise<CallOutput<N> | Refusal>);

export interface RecordedCall {
  name: CallName;
  input: unknown;
}

export interface FakeBridge {
  bridge: SigninDoctorBridge;
  /** Every call made, in order. */
  calls: RecordedCall[];
  /** Canned answers for a call, used in turn; the last one keeps answering. */
  answer<N extends CallName>(name: N, ...answers: Answer<N>[]): FakeBridge;
  /** The inputs of one call, in order. */
  inputsOf<N extends CallName>(name: N): CallInput<N>[];
  /** Pushes an event to the listeners, inside act() so React renders it. */
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Listeners currently subscribed to an event. */
  listeners(name: EventName): number;
  /** Contract violations and unanswered calls seen so far (the setup file fails a test that has any). */
  problems: string[];
}

/** Fails when a finding's evidence does not fit the schema of its id (contract/<domain>.ts). */
export function checkedFindings(findings: Finding[]): Finding[] {
  for (const f of findings) {
    const mismatch = evidenceMismatch(f);
    if (mismatch) throw new Error(`test fixture: ${mismatch}`);
  }
  return findings;
}

export function createFakeBridge(): FakeBridge {
  const answers = new Map<CallName, unknown[]>();
  const subscribers = new Map<EventName, Set<(payload: unknown) => void>>();
  const recorded: RecordedCall[] = [];
  const problems: string[] = [];
  const fail = (message: string): never => {
    problems.push(message);
    throw new Error(message);
  };

  const bridge: SigninDoctorBridge = {
    async call(name, input) {
      recorded.push({ name, input });
      const spec = calls[name];
      const accepted = spec.input.safeParse(input);
      if (!accepted.success) fail(`the renderer sent ${name} an input the service refuses: ${accepted.error.message}`);
      const queue = answers.get(name);
      if (!queue?.length) fail(`no canned answer for ${name} (input ${JSON.stringify(input)})`);
      const next = queue!.length > 1 ? queue!.shift() : queue![0];
      const value = typeof next === 'function' ? await (next as (i: unknown) => unknown)(input) : next;
      if (value instanceof Refusal) return { ok: false, error: { code: value.code, message: value.message } };
      const checked = spec.output.safeParse(value);
      if (!checked.success) fail(`canned answer for ${name} does not fit its output schema: ${checked.error.message}`);
      return { ok: true, value: checked!.data } as never;
    },
    on(name, listener) {
      const set = subscribers.get(name) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      subscribers.set(name, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };

  const fake: FakeBridge = {
    bridge,
    calls: recorded,
    answer(name, ...list) {
      answers.set(name, [...list]);
      return fake;
    },
    inputsOf: <N extends CallName>(name: N) => recorded.filter((c) => c.name === name).map((c) => c.input as CallInput<N>),
    emit(name, payload) {
      const parsed = events[name].safeParse(payload);
      if (!parsed.success) throw new Error(`event ${name} does not fit its schema: ${parsed.error.message}`);
      act(() => {
        for (const listener of subscribers.get(name) ?? []) listener(parsed.data);
      });
    },
    listeners: (name) => subscribers.get(name)?.size ?? 0,
    problems,
  };
  return fake;
}

let installed: FakeBridge | undefined;

/** Installs a fresh fake as window.signinDoctor (removed again by the setup file after each test). */
export function installFakeBridge(): FakeBridge {
  installed = createFakeBridge();
  window.signinDoctor = installed.bridge;
  return installed;
}

/** The problems of the installed fake, and forgets it (the setup file's afterEach). */
export function uninstallFakeBridge(): string[] {
  const problems = installed?.problems ?? [];
  installed = undefined;
  delete window.signinDoctor;
  return problems;
}
