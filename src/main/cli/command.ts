// A CLI command: its name, usage text, and a run function that returns what to print.
import type { CallName, CallOutput, CallResult } from '../../shared/contract';
import type { Service } from '../service';
import type { CliIo } from './cli-io';

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
  /** Creates the service on first use (so --help never touches the state folder). */
  service(): Service;
}

export interface CommandResult {
  exitCode: 0 | 1 | 2;
  /** Printed as the single JSON document with --json. */
  json: unknown;
  /** Human text: stdout normally, stderr with --json. */
  human: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Usage lines, shown by `signin-doctor <command> --help` and in the main help. */
  usage: string[];
  /** Flags the command accepts (without --); unknown flags are a usage error unless acceptsAnyFlag. */
  flags: Record<string, { value: boolean; repeat?: boolean; help: string }>;
  acceptsAnyFlag?: boolean;
  /** Section of --help this command is listed under. */
  group?: 'main' | 'repair' | 'domain';
  run(inv: Invocation): Promise<CommandResult>;
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

/** Calls the service; a failed call becomes a thrown CallFailure carrying the exit code. */
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

export async function callOrThrow<N extends CallName>(inv: Invocation, name: N, input: unknown): Promise<CallOutput<N>> {
  const result = (await inv.service().invoke(name, input)) as CallResult<CallOutput<N>>;
  if (result.ok) return result.value;
  throw new CallFailure(result.error.code, result.error.message, USAGE_CODES.has(result.error.code) ? 2 : 1);
}
