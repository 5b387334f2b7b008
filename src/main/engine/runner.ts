// The runner is the only code that changes the machine. It journals every step before and after
// doing it, so a crash at any instant leaves a record from which the run can be finished or rolled
// back; a failure mid-way rolls back what was done. Fixes only describe steps; executors do them.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import {
  FixPlanSchema,
  type FixInfo,
  type FixPlan,
  type JournaledStep,
  type RunRecord,
  type RunStatus,
  type RunSummary,
  type Step,
} from '../../shared/model';
import { isInsideRootsLexically } from '../os/safe-path';
import { EngineError, badInput, blocked, conflict, failed, notFound } from './errors';
import { Journal, UntrustedRecordError, type JournalProblem } from './journal';
import { PlanStore } from './plan-store';
import { isRunId, newRunId } from './run-id';
import type { EngineContext, FixContext, FixDefinition, FixScope, StepContext, StepExecutor } from './types';

export interface FixProgress {
  runId: string;
  fixId: string;
  phase: 'apply' | 'verify' | 'undo' | 'recover' | 'rollback';
  step: number;
  total: number;
  message: string;
}

/** What the runner reports to a test probe: every journal write, and every step action done but not yet journaled. */
export type RunnerEvent = { kind: 'journal-write'; count: number; record: RunRecord } | { kind: 'step-done'; count: number; record: RunRecord; step: number };

export interface RunnerOptions {
  ctx: EngineContext;
  fixes: readonly FixDefinition<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- options differ per fix
  steps: readonly StepExecutor<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- data differs per step
  onProgress?: (progress: FixProgress) => void;
  /** Backups older than this are discarded by prune(). */
  maxBackupAgeDays?: number;
  /** Tests only: awaited at every event, so a test can stop (or kill) the run at an exact point. */
  probe?: (event: RunnerEvent) => void | Promise<void>;
}

const UNDOABLE: readonly RunStatus[] = ['applied', 'verified', 'failed'];
const INTERRUPTED: readonly RunStatus[] = ['applying', 'undoing'];

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What differs between the plan the user saw and the plan now, in a few words, or undefined. */
function planDifference(seen: FixPlan, now: FixPlan): string | undefined {
  if (isDeepStrictEqual(seen, now)) return undefined;
  if (seen.blockedBy !== now.blockedBy) return now.blockedBy ?? 'what blocked it is gone';
  const line = now.changes.find((c) => !seen.changes.includes(c)) ?? seen.changes.find((c) => !now.changes.includes(c));
  if (line) return `now: ${line.slice(0, 200)}`;
  const step = now.steps.findIndex((s, i) => !isDeepStrictEqual(s, seen.steps[i]));
  return step >= 0 ? `step ${step + 1}: ${now.steps[step]!.description.slice(0, 200)}` : seen.steps.length !== now.steps.length ? 'a different number of steps' : 'the plan is not the same';
}

/** A journal record the runner believes: its fix, the scope recomputed for it, its options. */
interface Trusted {
  record: RunRecord;
  fix: FixDefinition<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
  scope: FixScope;
}

export class Runner {
  readonly journal: Journal;
  private readonly fixes = new Map<string, FixDefinition<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
  private readonly executors = new Map<string, StepExecutor<any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
  /** One change at a time: two repairs racing over the same folders is never what a user wants. */
  private queue: Promise<unknown> = Promise.resolve();
  private events = 0;
  private readonly plans: PlanStore;

  constructor(private readonly options: RunnerOptions) {
    this.journal = new Journal(options.ctx.stateDir);
    this.plans = new PlanStore(options.ctx.stateDir, () => options.ctx.now().getTime());
    for (const fix of options.fixes) {
      if (this.fixes.has(fix.id)) throw new Error(`duplicate fix id ${fix.id}`);
      this.fixes.set(fix.id, fix);
    }
    for (const step of options.steps) {
      if (this.executors.has(step.kind)) throw new Error(`duplicate step kind ${step.kind}`);
      this.executors.set(step.kind, step);
    }
  }

  listFixes(): FixInfo[] {
    return [...this.fixes.values()].map((f) => ({ id: f.id, domain: f.domain, title: f.title, description: f.description }));
  }

  getFix(fixId: string): FixDefinition<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const fix = this.fixes.get(fixId);
    if (!fix) throw notFound(`no fix called "${fixId}" (see \`signin-doctor fix --list\`)`);
    return fix;
  }

  private fixContext(runId: string): FixContext {
    return { ...this.options.ctx, runId, backupDir: join(this.options.ctx.stateDir, 'backups', runId) };
  }

  private parseOptions(fix: FixDefinition<any>, raw: Record<string, unknown>) { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const parsed = fix.options.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput(`invalid option${issue?.path.length ? ` "${issue.path.join('.')}"` : ''} for ${fix.id}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Every journal write goes through here, so a test probe sees each one in order. */
  private async write(record: RunRecord): Promise<void> {
    await this.journal.write(record);
    await this.options.probe?.({ kind: 'journal-write', count: ++this.events, record });
  }

  /**
   * The reason a step is not one this fix could have planned, or undefined: a kind it never uses,
   * data its executor refuses, a path outside its roots, or data its own check refuses.
   */
  private refusal(fix: FixDefinition<any>, scope: FixScope, step: Step): string | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const executor = this.executors.get(step.kind);
    if (!executor || !scope.stepKinds.includes(step.kind)) return `${fix.id} never uses a step of kind ${JSON.stringify(step.kind).slice(0, 60)}`;
    const parsed = executor.data.safeParse(step.data);
    if (!parsed.success) return `its ${step.kind} step holds data ${fix.id} never plans`;
    for (const { path, mayBeRoot } of executor.paths?.(parsed.data) ?? []) {
      if (!isInsideRootsLexically(scope.roots, path, mayBeRoot)) return `its ${step.kind} step names ${path.slice(0, 200)}, outside the folders ${fix.id} may touch`;
    }
    return scope.check?.(step);
  }

  /** A plan (or undo preparation) our own code built must stay inside the fix's scope too. */
  private checkPlanned(fix: FixDefinition<any>, scope: FixScope, steps: readonly Step[]): void { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    for (const step of steps) {
      const why = this.refusal(fix, scope, step);
      if (why) throw new EngineError('internal', `fix ${fix.id} planned a step outside its scope: ${why}`);
    }
  }

  /** Loads a record and proves it is one of ours before anything acts on it. */
  private async trusted(runId: string): Promise<Trusted> {
    const record = await this.load(runId);
    const fix = this.fixes.get(record.fixId);
    const refuse = (why: string) => blocked(`the journal record of run ${runId} is not trusted, so nothing was done: ${why}`);
    if (!fix) throw refuse(`it names a fix this version does not have (${JSON.stringify(record.fixId).slice(0, 60)})`);
    const stored = fix.options.safeParse(record.options);
    const scope = await fix.scope(this.fixContext(runId), stored.success ? stored.data : {});
    for (const step of [...record.steps, ...record.undoSteps]) {
      const why = this.refusal(fix, scope, step);
      if (why) throw refuse(why);
    }
    return { record, fix, scope };
  }

  /** Plans with the fix and checks the steps against its scope; changes nothing. */
  private async makePlan(fix: FixDefinition<any>, ctx: FixContext, options: Record<string, unknown>): Promise<{ plan: FixPlan; scope: FixScope }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const plan = FixPlanSchema.parse(await fix.plan(ctx, options));
    const scope = await fix.scope(ctx, options);
    this.checkPlanned(fix, scope, plan.steps);
    return { plan, scope };
  }

  /** Previews a repair: the plan, with the planId that applyPlan takes. Nothing changes. */
  async plan(fixId: string, rawOptions: Record<string, unknown> = {}): Promise<FixPlan> {
    const fix = this.getFix(fixId);
    const options = this.parseOptions(fix, rawOptions);
    const planId = newRunId(this.options.ctx.now());
    const { plan } = await this.makePlan(fix, this.fixContext(planId), options);
    const shown: FixPlan = { ...plan, planId };
    await this.plans.put({ planId, fixId, options, omitted: [], plan: shown, createdAt: this.options.ctx.now().getTime() }, this.secretOptionNames(fix, options));
    return shown;
  }

  /**
   * Runs exactly the plan the user previewed, once: its preconditions are checked first by planning
   * again under the same run id (Teams still closed, the same entries, the settings at the values
   * seen); if anything differs, nothing runs and the user is asked to preview again.
   */
  applyPlan(planId: string): Promise<RunRecord> {
    return this.serial(() => this.applyPlanNow(planId));
  }

  /** Plans and applies in one go (scripts, tests): the same path as a preview followed by apply, in call order. */
  apply(fixId: string, rawOptions: Record<string, unknown> = {}): Promise<RunRecord> {
    return this.serial(async () => {
      const plan = await this.plan(fixId, rawOptions);
      if (plan.blockedBy) throw blocked(plan.blockedBy);
      return this.applyPlanNow(plan.planId!);
    });
  }

  private async applyPlanNow(planId: string): Promise<RunRecord> {
    const entry = await this.plans.take(planId);
    if (!entry) throw conflict(`there is no previewed plan ${String(planId).slice(0, 40)} (a plan is kept for 30 minutes and applied once): preview the repair again`);
    const fix = this.getFix(entry.fixId);
    if (entry.omitted.length) {
      throw conflict(`this plan was made with ${entry.omitted.join(', ')}, which is never stored; preview and apply it in one go (signin-doctor fix ${fix.id} --yes)`);
    }
    const options = this.parseOptions(fix, entry.options);
    const ctx = this.fixContext(planId);
    const { plan: now, scope } = await this.makePlan(fix, ctx, options);
    const { planId: _seenId, ...seen } = entry.plan;
    const change = planDifference(seen, now);
    if (change) throw conflict(`this computer changed since you previewed this repair (${change}); nothing was changed: preview again`);
    if (now.blockedBy) throw blocked(now.blockedBy);
    return this.execute(fix, ctx, options, scope, entry.plan);
  }

  private async execute(fix: FixDefinition<any>, ctx: FixContext, options: Record<string, unknown>, scope: FixScope, plan: FixPlan): Promise<RunRecord> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const now = this.options.ctx.now().toISOString();
    const record: RunRecord = {
      schema: 1,
      runId: ctx.runId,
      fixId: fix.id,
      status: 'applying',
      startedAt: now,
      updatedAt: now,
      plan,
      options: this.storableOptions(fix, options),
      steps: plan.steps.map((s) => ({ ...s, state: 'pending' as const })),
      undoSteps: [],
    };
    await this.write(record);
    try {
      await this.forward(record, scope, record.steps, 'apply');
    } catch (error) {
      record.error = message(error);
      await this.rollbackAfterFailure(record, scope);
      return record;
    }
    record.status = 'applied';
    await this.write(record);
    await this.verify(fix, ctx, options, record);
    return record;
  }

  private secretOptionNames(fix: FixDefinition<any>, options: Record<string, unknown>): string[] { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    return Object.keys(options).filter((key) => /token|secret|password/i.test(key) || fix.secretOptions?.includes(key));
  }

  /** Options are journaled so undo and verify can use them; nothing marked secret by a fix is kept. */
  private storableOptions(fix: FixDefinition<any>, options: Record<string, unknown>): Record<string, unknown> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const secret = this.secretOptionNames(fix, options);
    return Object.fromEntries(Object.entries(options).filter(([key]) => !secret.includes(key)));
  }

  private async verify(fix: FixDefinition<any>, ctx: FixContext, options: Record<string, unknown>, record: RunRecord) { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    this.progress(record, 'verify', record.steps.length, 'Checking that the repair worked');
    try {
      record.verify = await fix.verify(ctx, options, record);
    } catch (error) {
      record.verify = { ok: false, message: `verification could not run: ${message(error)}`, findings: [] };
    }
    if (record.verify.ok) record.status = 'verified';
    await this.write(record);
  }

  private progress(record: RunRecord, phase: FixProgress['phase'], step: number, text: string) {
    this.options.onProgress?.({ runId: record.runId, fixId: record.fixId, phase, step, total: record.steps.length, message: text });
  }

  private stepContext(record: RunRecord, scope: FixScope): StepContext {
    return { ...this.fixContext(record.runId), roots: scope.roots };
  }

  private executor(step: JournaledStep): StepExecutor<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- see RunnerOptions
    const executor = this.executors.get(step.kind);
    if (!executor) throw new EngineError('internal', `unknown step kind ${step.kind}`);
    return executor;
  }

  /** Applies every step not yet done, in order, journaling before and after each. */
  private async forward(record: RunRecord, scope: FixScope, steps: JournaledStep[], phase: FixProgress['phase']): Promise<void> {
    const ctx = this.stepContext(record, scope);
    for (const [index, step] of steps.entries()) {
      if (step.state === 'done') continue;
      step.state = 'running';
      await this.write(record);
      this.progress(record, phase, index, step.description);
      try {
        const executor = this.executor(step);
        await executor.apply(executor.data.parse(step.data), ctx);
      } catch (error) {
        step.state = 'failed';
        step.error = message(error);
        await this.write(record);
        throw error;
      }
      await this.options.probe?.({ kind: 'step-done', count: ++this.events, record, step: index });
      step.state = 'done';
      delete step.error;
      await this.write(record);
    }
  }

  /** Reverses every step that is done or may be half-done, newest first. */
  private async backward(record: RunRecord, scope: FixScope, steps: JournaledStep[], phase: FixProgress['phase'], bestEffortFailed = false): Promise<void> {
    const ctx = this.stepContext(record, scope);
    for (let index = steps.length - 1; index >= 0; index--) {
      const step = steps[index]!;
      if (step.state === 'pending' || step.state === 'undone') continue;
      const wasFailed = step.state === 'failed';
      step.state = 'undoing';
      await this.write(record);
      this.progress(record, phase, index, `Undo: ${step.description}`);
      try {
        const executor = this.executor(step);
        await executor.undo(executor.data.parse(step.data), ctx);
      } catch (error) {
        // A step that failed never completed (renames and atomic writes are all-or-nothing), so an
        // undo that finds nothing consistent to reverse is expected there; anywhere else it is real.
        if (!(wasFailed && bestEffortFailed)) {
          step.state = 'failed';
          step.error = message(error);
          await this.write(record);
          throw error;
        }
      }
      await this.options.probe?.({ kind: 'step-done', count: ++this.events, record, step: index });
      step.state = 'undone';
      await this.write(record);
    }
  }

  private async rollbackAfterFailure(record: RunRecord, scope: FixScope): Promise<void> {
    try {
      await this.backward(record, scope, record.steps, 'rollback', true);
      record.status = 'failed';
      record.error = `${record.error}; every change was rolled back`;
    } catch (error) {
      record.status = 'failed';
      record.error = `${record.error}; rollback incomplete: ${message(error)} (the journal keeps what is left, see history)`;
    }
    await this.write(record);
  }

  undo(runId: string, rawOptions: Record<string, unknown> = {}): Promise<RunRecord> {
    return this.serial(async () => {
      const { record, fix, scope } = await this.trusted(runId);
      if (!UNDOABLE.includes(record.status) || !record.steps.some((s) => s.state === 'done')) {
        throw conflict(`run ${runId} is ${record.status}; there is nothing to undo`);
      }
      if (!record.plan.undoable) throw conflict(`${record.plan.title} cannot be undone: ${record.plan.undoDescription}`);
      const ctx = this.fixContext(runId);
      const prep = (await fix.prepareUndo?.(ctx, record, rawOptions)) ?? {};
      if (prep.blockedBy) throw blocked(prep.blockedBy);
      if (prep.conflict) throw conflict(prep.conflict);
      this.checkPlanned(fix, scope, prep.steps ?? []);
      const previous = record.status;
      record.undoSteps = (prep.steps ?? []).map((s) => ({ ...s, state: 'pending' as const }));
      record.status = 'undoing';
      delete record.error;
      await this.write(record);
      try {
        await this.forward(record, scope, record.undoSteps, 'undo');
        await this.backward(record, scope, record.steps, 'undo');
      } catch (error) {
        // Undo is all-or-nothing too: put back what this attempt reversed, then report.
        const reason = message(error);
        try {
          // The step whose undo failed did not happen (each step is all-or-nothing): it is still done.
          for (const s of record.steps) if (s.state === 'failed') s.state = 'done';
          await this.forward(record, scope, record.steps.filter((s) => s.state === 'undone' || s.state === 'undoing'), 'rollback');
          await this.backward(record, scope, record.undoSteps, 'rollback', true);
          record.status = previous;
          record.error = `undo failed and was reverted: ${reason}`;
        } catch (again) {
          record.error = `undo failed (${reason}) and could not be reverted: ${message(again)}; run \`signin-doctor recover ${runId}\``;
        }
        await this.write(record);
        throw failed(record.error);
      }
      record.status = 'undone';
      await this.write(record);
      return record;
    });
  }

  private async load(runId: string): Promise<RunRecord> {
    if (!isRunId(runId)) throw badInput(`not a run id: ${String(runId).slice(0, 60)}`);
    let record: RunRecord | undefined;
    try {
      record = await this.journal.read(runId);
    } catch (error) {
      if (error instanceof UntrustedRecordError) throw blocked(`${error.message}; nothing was done`);
      throw error;
    }
    if (!record) throw notFound(`no run ${runId} in the journal`);
    return record;
  }

  async history(): Promise<RunSummary[]> {
    const { records } = await this.journal.list();
    return records.map((r) => this.summary(r));
  }

  /** Journal files that are not believed (no seal, a broken seal, invalid): listed, never acted on. */
  async refused(): Promise<JournalProblem[]> {
    return (await this.journal.list()).problems;
  }

  summary(record: RunRecord): RunSummary {
    return {
      runId: record.runId,
      fixId: record.fixId,
      status: record.status,
      startedAt: record.startedAt,
      updatedAt: record.updatedAt,
      ...(record.error ? { error: record.error } : {}),
      title: record.plan.title,
      undoable: record.plan.undoable && UNDOABLE.includes(record.status) && record.steps.some((s) => s.state === 'done'),
      interrupted: INTERRUPTED.includes(record.status),
    };
  }

  async get(runId: string): Promise<RunRecord> {
    return this.load(runId);
  }

  /** Runs a crash left unfinished (the journal says applying/undoing). */
  async interrupted(): Promise<RunSummary[]> {
    return (await this.history()).filter((r) => r.interrupted);
  }

  recover(runId: string, action: 'finish' | 'rollback'): Promise<RunRecord> {
    return this.serial(async () => {
      const { record, fix, scope } = await this.trusted(runId);
      if (!INTERRUPTED.includes(record.status)) throw conflict(`run ${runId} is ${record.status}, not interrupted`);
      try {
        if (record.status === 'applying') {
          if (action === 'rollback') {
            await this.backward(record, scope, record.steps, 'recover', true);
            record.status = 'rolled-back';
          } else {
            await this.forward(record, scope, record.steps, 'recover');
            record.status = 'applied';
            await this.write(record);
            const stored = fix.options.safeParse(record.options);
            await this.verify(fix, this.fixContext(runId), stored.success ? stored.data : record.options, record);
            return record;
          }
        } else if (action === 'finish') {
          await this.forward(record, scope, record.undoSteps, 'recover');
          await this.backward(record, scope, record.steps, 'recover');
          record.status = 'undone';
        } else {
          await this.forward(record, scope, record.steps.filter((s) => s.state !== 'pending'), 'recover');
          await this.backward(record, scope, record.undoSteps, 'recover', true);
          record.status = 'applied';
        }
      } catch (error) {
        record.error = `recovery (${action}) stopped: ${message(error)}`;
        await this.write(record);
        throw failed(record.error);
      }
      delete record.error;
      await this.write(record);
      return record;
    });
  }

  /** Deletes the backups of a run; it can no longer be undone. */
  discard(runId: string): Promise<RunSummary> {
    return this.serial(async () => {
      const { record, scope } = await this.trusted(runId);
      if (INTERRUPTED.includes(record.status)) throw conflict(`run ${runId} was interrupted; recover it first`);
      const ctx = this.stepContext(record, scope);
      for (const step of record.steps) {
        if (step.state !== 'done') continue;
        const executor = this.executor(step);
        await executor.discard?.(executor.data.parse(step.data), ctx);
      }
      record.status = 'discarded';
      await this.write(record);
      return this.summary(record);
    });
  }

  /**
   * Discards backups of applied runs older than the retention (7 days unless configured). A run
   * whose record is refused is left alone (and stays listed); the others are still pruned.
   */
  async prune(): Promise<string[]> {
    const maxAgeMs = (this.options.maxBackupAgeDays ?? 7) * 86_400_000;
    const now = this.options.ctx.now().getTime();
    const { records } = await this.journal.list();
    const pruned: string[] = [];
    for (const record of records) {
      if ((record.status === 'applied' || record.status === 'verified') && now - Date.parse(record.startedAt) > maxAgeMs) {
        try {
          await this.discard(record.runId);
          pruned.push(record.runId);
        } catch (error) {
          if (!(error instanceof EngineError && error.code === 'blocked')) throw error;
        }
      }
    }
    return pruned;
  }
}

export const RecoverActionSchema = z.enum(['finish', 'rollback']);
