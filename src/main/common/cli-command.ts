// A CLI command as the domains declare it: light metadata (name, usage, flags: all --help needs),
// and a run function that gets an Invocation and returns what to print. A domain's run functions
// live in its module (loaded only when the command runs); they reach the service only through
// `inv.call`, like the GUI through IPC. The parser and the process glue are in src/main/cli/.
import type { CallInput, CallName, CallOutput, CallResult, EventName, EventPayload } from '../../shared/contract';
import type { Domain } from '../../shared/model';

/** The CLI's window on the world, injectable so tests run commands in-process. */
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

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface Invocation {
  /** Positional arguments after the command name. */
  args: string[];
  /** Flags after the command name: --name value, --name=value, or --flag (true). Repeated flags collect into arrays. */
  flags: Map<string, Array<string | true>>;
  json: boolean;
  io: CliIo;
  /** One call of the service (created on first use, so --help never touches the state folder). */
  call<N extends CallName>(name: N | string, input: unknown): Promise<CallResult<CallOutput<N>>>;
  /** The service's events (cac --watch). */
  subscribe(listener: <E extends EventName>(name: E, payload: EventPayload<E>) => void): () => void;
  /** The domains with checks, in the one list's order: what --only may name. */
  checkedDomains: readonly Domain[];
}

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  /** Printed as the single JSON document with --json. */
  json: unknown;
  /** Human text: stdout normally, stderr with --json. */
  human: string;
}

/** What --help and the parser need; kept in a file that imports nothing, per domain. */
export interface CommandMeta {
  name: string;
  summary: string;
  /** Usage lines, shown by `signin-doctor <command> --help` and in the main help. */
  usage: string[];
  /** Flags the command accepts (without --); unknown flags are a usage error unless acceptsAnyFlag. */
  flags: Record<string, { value: boolean; repeat?: boolean; help: string }>;
  acceptsAnyFlag?: boolean;
  /** Section of --help this command is listed under. */
  group?: 'main' | 'repair' | 'domain';
}

export type CommandRun = (inv: Invocation) => Promise<CommandResult>;

export interface Command extends CommandMeta {
  run: CommandRun;
}

/** `--only teams,clock`: domains with checks; undefined without the flag; anything else is a usage error. */
export function onlyDomains(inv: Invocation): Domain[] | undefined {
  const raw = flag(inv, 'only');
  if (!raw) return undefined;
  const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((d) => !(inv.checkedDomains as readonly string[]).includes(d));
  if (bad.length) throw new UsageError(`unknown domain ${bad.join(', ')} (choose from ${inv.checkedDomains.join(',')})`);
  return wanted as Domain[];
}

export function flag(inv: Invocation, name: string): string | undefined {
  const values = inv.flags.get(name);
  const last = values?.[values.length - 1];
  return typeof last === 'string' ? last : undefined;
}

export function flagAll(inv: Invocation, name: string): string[] {
  return (inv.flags.get(name) ?? []).filter((v): v is string => typeof v === 'string');
}

export function hasFlag(inv: Invocation, name: string): boolean {
  return inv.flags.has(name);
}

/** A failed service call, thrown by callOrThrow; carries the exit code. */
export class CallFailure extends Error {
  override name = 'CallFailure';
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: 1 | 2,
  ) {
    super(message);
  }
}

const USAGE_CODES = new Set(['bad-input', 'unknown-call', 'not-found']);

export async function callOrThrow<N extends CallName>(inv: Invocation, name: N, input: CallInput<N>): Promise<CallOutput<N>> {
  const result = (await inv.call(name, input)) as CallResult<CallOutput<N>>;
  if (result.ok) return result.value;
  throw new CallFailure(result.error.code, result.error.message, USAGE_CODES.has(result.error.code) ? 2 : 1);
}
