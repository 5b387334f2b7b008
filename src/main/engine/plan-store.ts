// Plans the user has seen, kept until they are applied (once) or age out. In memory for the app's
// own session; sealed files in the state folder as well, so a plan previewed by one CLI run
// (`fix X --dry-run --json`) can be applied by the next (`fix --plan-id ID --yes`). Options a fix
// marks secret (pasted text) never reach the disk: such a plan can only be applied in the same
// session. The store is bounded in count and age.
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { FixPlanSchema } from '../../shared/model';
import { writeFileAtomic } from '../os/atomic-file';
import { JournalSealError, loadSealKey, openSealed, sealRecord } from './journal-seal';
import { isRunId } from './run-id';
import { ensureStateDir } from './state-dir';

export const PLAN_TTL_MS = 30 * 60_000;
export const MAX_PLANS = 32;

const StoredPlanSchema = z.object({
  planId: z.string(),
  fixId: z.string(),
  /** The validated options the plan was made with (secret ones left out on disk). */
  options: z.record(z.string(), z.unknown()),
  /** Names of secret options that were given but are not stored. */
  omitted: z.array(z.string()),
  plan: FixPlanSchema,
  createdAt: z.number(),
});
export type StoredPlan = z.infer<typeof StoredPlanSchema>;

export class PlanStore {
  private readonly memory = new Map<string, StoredPlan>();
  private readonly dir: string;

  constructor(
    private readonly stateDir: string,
    private readonly now: () => number,
  ) {
    this.dir = join(stateDir, 'plans');
  }

  private fileOf(planId: string): string {
    if (!isRunId(planId)) throw new Error(`not a plan id: ${JSON.stringify(planId).slice(0, 60)}`);
    return join(this.dir, `${planId}.json`);
  }

  private fresh(entry: StoredPlan): boolean {
    const age = this.now() - entry.createdAt;
    return age >= 0 && age <= PLAN_TTL_MS;
  }

  /** Keeps a plan: the full options in memory, all but the secret ones on disk. */
  async put(entry: StoredPlan, secretOptions: readonly string[]): Promise<void> {
    this.memory.set(entry.planId, entry);
    for (const [id, e] of this.memory) if (!this.fresh(e) || this.memory.size > MAX_PLANS) this.memory.delete(id);
    const options = Object.fromEntries(Object.entries(entry.options).filter(([k]) => !secretOptions.includes(k)));
    const omitted = Object.keys(entry.options).filter((k) => secretOptions.includes(k));
    await ensureStateDir(this.stateDir);
    const key = await loadSealKey(this.stateDir);
    await writeFileAtomic(this.fileOf(entry.planId), sealRecord(key, JSON.stringify({ ...entry, options, omitted })));
    await this.prune();
  }

  /** The plan, if it is known, intact and not too old; it is removed either way (a plan is used once). */
  async take(planId: string): Promise<StoredPlan | undefined> {
    if (!isRunId(planId)) return undefined;
    const inMemory = this.memory.get(planId);
    this.memory.delete(planId);
    const onDisk = await this.readFile(planId);
    await rm(this.fileOf(planId), { force: true });
    const entry = inMemory ?? onDisk;
    return entry && entry.planId === planId && this.fresh(entry) ? entry : undefined;
  }

  private async readFile(planId: string): Promise<StoredPlan | undefined> {
    let text: string;
    try {
      text = await readFile(this.fileOf(planId), 'utf8');
    } catch {
      return undefined;
    }
    try {
      await ensureStateDir(this.stateDir);
      const parsed = StoredPlanSchema.safeParse(JSON.parse(openSealed(await loadSealKey(this.stateDir), text)));
      return parsed.success ? parsed.data : undefined;
    } catch (error) {
      // A plan file that fails its seal or does not parse is no plan: the user previews again.
      if (error instanceof JournalSealError || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }

  /** Drops plan files that aged out, and the oldest beyond MAX_PLANS (ids sort by time). */
  private async prune(): Promise<void> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith('.json') && isRunId(n.slice(0, -5))).sort();
    const cutoff = this.now() - PLAN_TTL_MS;
    for (const [index, name] of names.entries()) {
      const tooMany = names.length - index > MAX_PLANS;
      const stamp = Date.parse(name.slice(0, 15).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/, '$1-$2-$3T$4:$5:$6Z'));
      if (tooMany || !(stamp >= cutoff)) await rm(join(this.dir, name), { force: true });
    }
  }
}

