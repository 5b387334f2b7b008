// Calls every build has: app info, diagnosis, the fix lifecycle, history and crash recovery.
import { z } from 'zod';
import {
  DomainSchema,
  FindingSchema,
  FixInfoSchema,
  FixPlanSchema,
  RunRecordSchema,
  RunSummarySchema,
  StableIdSchema,
} from '../model';
import { call } from './define';
import { CauseSchema, DiagnosisErrorSchema, DiagnosisResultSchema } from './diagnosis';
import { MAX_EXPLAIN_INPUT } from './explain';

const FixOptionsSchema = z.record(z.string().max(64), z.union([z.string().max(1_000_000), z.number(), z.boolean()]));

export const DiagnosisSchema = z.object({
  startedAt: z.string(),
  finishedAt: z.string(),
  domains: z.array(DomainSchema),
  findings: z.array(FindingSchema),
  /** The error the causes explain: pasted, or the newest sign-in failure of the last 7 days in the Teams logs. */
  error: DiagnosisErrorSchema.optional(),
  /** Ranked causes (strongest first, ruled-out last); src/main/diagnosis. */
  causes: z.array(CauseSchema).optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  stateDir: z.string(),
  /** Runs the journal found unfinished at start-up (a crash or kill mid-repair). */
  interrupted: z.array(RunSummarySchema),
});

export const coreCalls = {
  'app.info': call(z.object({}).strict(), AppInfoSchema, 'Name, version, platform and interrupted runs.'),
  'diagnose.run': call(
    z
      .object({
        only: z.array(DomainSchema).max(10).optional(),
        /** Pasted error text (never stored): the error the causes explain. */
        errorText: z.string().max(MAX_EXPLAIN_INPUT).optional(),
        /** Do not read the Teams logs (no log check, no error taken from them). */
        noLogs: z.boolean().optional(),
      })
      .strict(),
    DiagnosisSchema,
    'Run all checks (or those of some domains) concurrently and rank the causes of the error (pasted, or the newest sign-in failure in the Teams logs); progress arrives as diagnose-progress events.',
  ),
  'diagnose.causes': call(
    z
      .object({
        /** Findings already gathered (a report's own run of the checks): ranked as they are, nothing is checked again. */
        findings: z.array(FindingSchema).max(5_000),
        errorText: z.string().max(MAX_EXPLAIN_INPUT).optional(),
        noLogs: z.boolean().optional(),
      })
      .strict(),
    DiagnosisResultSchema,
    'Rank the causes of the error (pasted, or the newest sign-in failure among the given Teams log findings) for findings already gathered, with the journal\'s repairs.',
  ),
  'fix.list': call(z.object({}).strict(), z.array(FixInfoSchema), 'Every fix this build knows.'),
  'fix.plan': call(
    z.object({ fixId: StableIdSchema, options: FixOptionsSchema.default({}) }).strict(),
    FixPlanSchema,
    'Preview a fix: what changes, what is kept, whether admin rights or a closed app are needed, how to undo.',
  ),
  'fix.apply': call(
    z.object({ planId: z.string().min(1).max(40) }).strict(),
    RunRecordSchema,
    'Apply exactly a previewed plan (fix.plan gives its planId) through the journal: re-check that nothing changed, back up, apply, verify. Progress arrives as fix-progress events.',
  ),
  'fix.undo': call(
    z.object({ runId: z.string().max(40), options: FixOptionsSchema.default({}) }).strict(),
    RunRecordSchema,
    'Undo an applied fix.',
  ),
  'history.list': call(z.object({}).strict(), z.array(RunSummarySchema), 'Every run of a fix, newest first.'),
  'history.refused': call(
    z.object({}).strict(),
    z.array(z.object({ file: z.string(), message: z.string() })),
    'Journal files that are not believed (no seal, a broken seal, not a valid record): listed, never acted on.',
  ),
  'history.get': call(z.object({ runId: z.string().max(40) }).strict(), RunRecordSchema, 'One run in full.'),
  'history.discard': call(
    z.object({ runId: z.string().max(40) }).strict(),
    RunSummarySchema,
    'Delete the backups of a run (it can no longer be undone).',
  ),
  'journal.recover': call(
    z.object({ runId: z.string().max(40), action: z.enum(['finish', 'rollback']) }).strict(),
    RunRecordSchema,
    'Finish or roll back a run that a crash interrupted.',
  ),
  'shell.open-external': call(
    z.object({ url: z.string().url().max(2048) }).strict(),
    z.object({ opened: z.boolean() }),
    'Open an allow-listed https page (Microsoft or DoD guidance) in the browser.',
  ),
};

export const DiagnoseProgressSchema = z.object({
  checkId: z.string(),
  state: z.enum(['started', 'finished']),
  done: z.number().int(),
  total: z.number().int(),
  findings: z.array(FindingSchema).optional(),
});

export const FixProgressSchema = z.object({
  runId: z.string(),
  fixId: z.string(),
  phase: z.enum(['apply', 'verify', 'undo', 'recover', 'rollback']),
  step: z.number().int(),
  total: z.number().int(),
  message: z.string(),
});

export const coreEvents = {
  'diagnose-progress': DiagnoseProgressSchema,
  'fix-progress': FixProgressSchema,
};
