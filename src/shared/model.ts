// The nouns of the product: findings, fixes, plans, runs. Schemas are zod so the same
// definitions validate IPC, HTTP (harness) and CLI JSON; types are inferred from them.
import { z } from 'zod';

export const DOMAINS = ['explain', 'teams', 'cac', 'clock', 'network', 'device', 'report', 'remediate', 'fleet'] as const;
export const DomainSchema = z.enum(DOMAINS);
export type Domain = z.infer<typeof DomainSchema>;

/** Stable ids: kebab-case, prefixed by the domain (`teams.cache-clear`). Scripts and the journal rely on them. */
export const StableIdSchema = z
  .string()
  .max(120)
  .regex(/^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, 'expected a domain-prefixed kebab-case id');

export const SeveritySchema = z.enum(['ok', 'info', 'warn', 'fail']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  id: StableIdSchema,
  domain: DomainSchema,
  severity: SeveritySchema,
  title: z.string(),
  detail: z.string(),
  /** Machine-readable facts behind the finding (never secrets). */
  evidence: z.record(z.string(), z.unknown()),
  /** Fix ids that may help with this finding. */
  fixes: z.array(StableIdSchema),
});
export type Finding = z.infer<typeof FindingSchema>;

/** One reversible operation of a fix. `kind` names a step executor; `data` is what it needs to do and undo it. */
export const StepSchema = z.object({
  kind: z.string().min(1).max(80),
  description: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type Step = z.infer<typeof StepSchema>;

export const FixPlanSchema = z.object({
  fixId: StableIdSchema,
  title: z.string(),
  summary: z.string(),
  /** What will change, one line each, in the user's words. */
  changes: z.array(z.string()),
  /** What is deliberately kept. */
  keeps: z.array(z.string()).default([]),
  steps: z.array(StepSchema),
  needsAdmin: z.boolean(),
  /** Apps that must be closed first (display names). */
  needsClosed: z.array(z.string()).default([]),
  undoable: z.boolean(),
  undoDescription: z.string(),
  warnings: z.array(z.string()).default([]),
  /** Why the fix cannot run now, if it cannot. A blocked plan is shown but never applied. */
  blockedBy: z.string().optional(),
  /** Set by the runner on a previewed plan: apply takes it and runs exactly this plan (it becomes the run id). */
  planId: z.string().max(40).optional(),
});
export type FixPlan = z.infer<typeof FixPlanSchema>;

export const FixInfoSchema = z.object({
  id: StableIdSchema,
  domain: DomainSchema,
  title: z.string(),
  description: z.string(),
});
export type FixInfo = z.infer<typeof FixInfoSchema>;

export const StepStateSchema = z.enum(['pending', 'running', 'done', 'undoing', 'undone', 'failed']);
export type StepState = z.infer<typeof StepStateSchema>;

export const JournaledStepSchema = StepSchema.extend({ state: StepStateSchema, error: z.string().optional() });
export type JournaledStep = z.infer<typeof JournaledStepSchema>;

export const RunStatusSchema = z.enum([
  'applying', // journal says work is in progress: if seen at start-up, the run was interrupted
  'applied', // all steps done, verification not yet passed
  'verified', // applied and the targeted checks agree
  'failed', // a step failed and everything done was rolled back
  'undoing',
  'undone',
  'rolled-back', // an interrupted run was rolled back on recovery
  'discarded', // backups deleted; the run can no longer be undone
]);
export type RunStatus = z.infer<typeof RunStatusSchema>;

export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  message: z.string(),
  findings: z.array(FindingSchema).default([]),
});
export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const RunRecordSchema = z.object({
  schema: z.literal(1),
  runId: z.string().regex(/^[0-9]{8}T[0-9]{6}Z-[a-z0-9]{6}$/),
  fixId: StableIdSchema,
  status: RunStatusSchema,
  startedAt: z.string(),
  updatedAt: z.string(),
  plan: FixPlanSchema,
  options: z.record(z.string(), z.unknown()),
  steps: z.array(JournaledStepSchema),
  /** Steps a fix adds at undo time (e.g. set a newer profile aside to "keep both"); run before the main steps are reversed. */
  undoSteps: z.array(JournaledStepSchema).default([]),
  verify: VerifyResultSchema.optional(),
  error: z.string().optional(),
});
export type RunRecord = z.infer<typeof RunRecordSchema>;

export const RunSummarySchema = RunRecordSchema.pick({
  runId: true,
  fixId: true,
  status: true,
  startedAt: true,
  updatedAt: true,
  error: true,
}).extend({ title: z.string(), undoable: z.boolean(), interrupted: z.boolean() });
export type RunSummary = z.infer<typeof RunSummarySchema>;

export const SEVERITY_ORDER: Record<Severity, number> = { ok: 0, info: 1, warn: 2, fail: 3 };

export function worstSeverity(findings: readonly Pick<Finding, 'severity'>[]): Severity {
  let worst: Severity = 'ok';
  for (const f of findings) if (SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[worst]) worst = f.severity;
  return worst;
}
