// What a domain provides to the engine: checks that read the machine, fixes that plan reversible
// steps, and executors that know how to do and undo one kind of step; and how a domain is declared
// (DomainEntry, light) and loaded (DomainModule: checks, fixes, steps, handlers, CLI commands).
import type { z } from 'zod';
import type { Domain, Finding, FixPlan, RunRecord, Step, VerifyResult } from '../../shared/model';
import type { CallInput, CallName, CallOutput, CallTable, EventName, EventPayload } from '../../shared/contract';
import type { CommandMeta, CommandRun } from '../common/cli-command';
import type { Exec } from '../os/exec';
import type { Platform } from '../os/platform';

/** What every check and fix may read: the OS we act as, its environment, our state folder, config. */
export interface EngineContext {
  platform: Platform;
  env: NodeJS.ProcessEnv;
  stateDir: string;
  /** Loaded from --config / SIGNIN_DOCTOR_CONFIG; each domain validates its own section. */
  config: Record<string, unknown>;
  exec: Exec;
  now(): Date;
}

export interface CheckContext extends EngineContext {
  signal: AbortSignal;
  /** Chromium's own proxy decision for a URL; only in the app (the network check compares it). */
  resolveProxy?: (url: string) => Promise<string>;
}

/** What a caller of the check runner provides: the engine context plus the host's extras. */
export type CheckHostContext = EngineContext & Pick<CheckContext, 'resolveProxy'>;

export interface CheckDefinition {
  /** Stable id, also used as the finding id prefix. */
  id: string;
  domain: Domain;
  title: string;
  /** Default 10 s. A check past its timeout yields a 'timed out' finding; the others go on. */
  timeoutMs?: number;
  run(ctx: CheckContext): Promise<Finding[]>;
}

export interface FixContext extends EngineContext {
  /** Where this run may keep backups that are not beside the original (state-dir/backups/<runId>). */
  backupDir: string;
  runId: string;
}

export interface UndoPreparation {
  /** Undo must not run now (Teams is running...). */
  blockedBy?: string;
  /** Undo would overwrite something newer; the message says which option resolves it. */
  conflict?: string;
  /** Steps to run before the fix's steps are reversed (e.g. set a newer profile aside). */
  steps?: Step[];
}

/**
 * What a fix's steps may be, derived from the OS paths (Teams roots, the state folder) and never
 * from a journal record: the runner checks every planned and every journaled step against it
 * before anything runs, so a forged or edited record cannot make a repair touch other files.
 */
export interface FixScope {
  /** The step kinds this fix plans (and its undo preparation adds). */
  stepKinds: readonly string[];
  /** The folders its file steps live in: every path a step names must be inside one of them. */
  roots: readonly string[];
  /** Refuses a step whose other data this fix would never plan (a process name, a keychain path). */
  check?(step: Step): string | undefined;
}

export interface FixDefinition<O extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  domain: Domain;
  title: string;
  description: string;
  /** Validates options from the CLI (strings), IPC or the harness. */
  options: z.ZodType<O>;
  /** CLI: read this option from stdin when it is not given. */
  stdinOption?: string;
  /** Options never written to the journal (pasted text may hold tokens). verify() after a crash gets them absent. */
  secretOptions?: readonly string[];
  /** Options here may come from a journal record: derive roots from the OS paths, not from them. */
  scope(ctx: FixContext, options: Partial<O>): Promise<FixScope> | FixScope;
  plan(ctx: FixContext, options: O): Promise<FixPlan>;
  verify(ctx: FixContext, options: O, record: RunRecord): Promise<VerifyResult>;
  prepareUndo?(ctx: FixContext, record: RunRecord, options: Record<string, unknown>): Promise<UndoPreparation>;
}

export interface StepContext extends EngineContext {
  runId: string;
  backupDir: string;
  /** The fix's scope roots (recomputed, never read from the record): file steps stay inside them. */
  roots: readonly string[];
}

/** A file or folder a step touches; `mayBeRoot` when it may be a scope root itself (a backup folder). */
export interface StepPath {
  path: string;
  mayBeRoot?: boolean;
}

/** Does and undoes one kind of step. Each call must be all-or-nothing (one rename, one atomic write,
 * one command), and both directions must be idempotent: after a crash the journal
 * cannot know whether the last step happened, so it is simply done (or undone) again. */
export interface StepExecutor<D = Record<string, unknown>> {
  kind: string;
  data: z.ZodType<D>;
  apply(data: D, ctx: StepContext): Promise<void>;
  undo(data: D, ctx: StepContext): Promise<void>;
  /** Frees the backup a done step holds (run discarded or aged out). */
  discard?(data: D, ctx: StepContext): Promise<void>;
  /** The files and folders this step touches; the runner refuses a step with one outside the fix's roots. */
  paths?(data: D): StepPath[];
}

/** What only the host can do (Electron in the app, a recorder in the harness, nothing in the CLI). */
export interface HostPorts {
  openExternal(url: string): Promise<boolean>;
  /** Chromium's own proxy decision for a URL ("PROXY host:port; DIRECT"), in the app only. */
  resolveProxy?(url: string): Promise<string>;
  /** Ask where to save a file; undefined when cancelled. */
  chooseSavePath?(defaultName: string): Promise<string | undefined>;
  /** Ask for a file to open; undefined when cancelled. */
  chooseOpenPath?(title: string): Promise<string | undefined>;
}

/** What the service gives a domain's handlers. A domain never imports another: what it needs of
 * the others (the report: their checks, the device summary, the journal) it asks for here. */
export interface DomainDeps {
  ctx: EngineContext;
  host: HostPorts;
  /** Every domain of this build, in the order of the one list (src/main/domains.ts). */
  domains: readonly Domain[];
  /** The checks of these domains (all when omitted); loads their modules on first use. */
  checks(domains?: readonly Domain[]): Promise<CheckDefinition[]>;
  /** Another call of the service, validated like any other; a failure is thrown as an EngineError. */
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>>;
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Registers what must stop when the service closes (app quit, CLI exit, harness close). */
  onClose(closer: () => Promise<void>): void;
}

/** Handlers of some calls of the contract, typed by it. */
export type HandlerTable<T extends CallTable> = {
  [K in keyof T]: (input: z.output<T[K]['input']>) => Promise<z.input<T[K]['output']>>;
};

export type HandlerFactory<T extends CallTable, D = DomainDeps> = (deps: D) => HandlerTable<T>;

/** A domain's heavy half, loaded on its first use (src/main/<domain>/index.ts). */
export interface DomainModule {
  domain: Domain;
  checks: CheckDefinition[];
  fixes: FixDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- option types differ per fix
  steps: StepExecutor<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- data types differ per step
  /** Its calls of the contract (`<domain>.<verb>`), built once per service. */
  handlers(deps: DomainDeps): Record<string, (input: any) => Promise<unknown>>; // eslint-disable-line @typescript-eslint/no-explicit-any -- each table is typed by its contract part
  /** The run function of each command its entry declares, by command name. */
  commands: Record<string, CommandRun>;
}

/**
 * A domain as the one list holds it (src/main/<domain>/<domain>-domain.ts): its name, its CLI
 * commands' metadata (all --help needs) and how to load the rest. This file of a domain imports
 * nothing but types, so `--help` and `--version` never load a domain.
 */
export interface DomainEntry {
  domain: Domain;
  /** The domain has checks (diagnose runs them; `diagnose --only` names it). Said here so --only needs no module. */
  checks?: true;
  commands: readonly CommandMeta[];
  load(): Promise<DomainModule>;
}
