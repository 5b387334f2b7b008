// The verdict of `diagnose`: the error (codes and IDs, from pasted text or the newest sign-in
// failure in the Teams logs) joined with every domain's findings into ranked causes. The rules are
// data in knowledge/causes.ts; the ranking is src/main/diagnosis/rank-causes.ts.
import { z } from 'zod';
import { fixOptionSchemas, type FixId } from './fixes';

/** The explainer's families plus WinHTTP's 0x80072xxx (found in pasted text only). */
export const ErrorCodeFamilySchema = z.enum(['aadsts', 'wam', 'pcsc', 'winhttp', 'hresult', 'msa']);
export type ErrorCodeFamily = z.infer<typeof ErrorCodeFamilySchema>;

export const DiagnosisCodeSchema = z.object({
  family: ErrorCodeFamilySchema,
  /** Canonical: '53003', 'CAA82EE2', '80072EE2'. */
  code: z.string(),
  /** As shown: AADSTS53003, 0xCAA82EE2. */
  display: z.string(),
  name: z.string().optional(),
  known: z.boolean(),
});
export type DiagnosisCode = z.infer<typeof DiagnosisCodeSchema>;

/** A verified (or applied) repair of the journal that is newer than the error: the error is history. */
export const BeforeRepairSchema = z.object({ runId: z.string(), fixId: z.string(), at: z.string() });
export type BeforeRepair = z.infer<typeof BeforeRepairSchema>;

/** Where the error came from: pasted text (never stored), or one line of a Teams log. */
export const ErrorSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('pasted'), beforeRepair: BeforeRepairSchema.optional() }),
  z.object({ kind: z.literal('teams-log'), client: z.string(), file: z.string(), line: z.number().int(), time: z.string().optional(), beforeRepair: BeforeRepairSchema.optional() }),
]);
export type ErrorSource = z.infer<typeof ErrorSourceSchema>;

/** What the causes engine reads of the error: codes and the troubleshooting fields (already filtered of secrets). */
export const DiagnosisErrorInputSchema = z.object({
  codes: z.array(DiagnosisCodeSchema),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
  /** UTC, when the error says when. */
  timestamp: z.string().optional(),
  appName: z.string().optional(),
  devicePlatform: z.string().optional(),
  /** "Not available" on the error page when the device is not registered. */
  deviceId: z.string().optional(),
  deviceState: z.string().optional(),
  source: ErrorSourceSchema,
});
export type DiagnosisErrorInput = z.infer<typeof DiagnosisErrorInputSchema>;

export const DiagnosisErrorSchema = DiagnosisErrorInputSchema.extend({
  /** The error family of knowledge/causes.ts the leading code belongs to; absent for an unknown code. */
  family: z.string().optional(),
  /** The code the family was chosen by. */
  leadCode: z.string().optional(),
  /** One line: the error and what it means (after a repair newer than the error, said first). */
  verdict: z.string(),
  /** The error and what it means alone, without the repair context (for a screen that shows the repair apart). */
  meaning: z.string().optional(),
});
export type DiagnosisError = z.infer<typeof DiagnosisErrorSchema>;

export const CauseStrengthSchema = z.enum(['strong', 'possible', 'ruled-out']);
export type CauseStrength = z.infer<typeof CauseStrengthSchema>;

export const FixIdSchema = z.enum(Object.keys(fixOptionSchemas) as [FixId, ...FixId[]]);

export const CauseFactSchema = z.object({
  /** The finding the fact was read from; `error` for a fact of the error itself. */
  findingId: z.string(),
  fact: z.string(),
});
export type CauseFact = z.infer<typeof CauseFactSchema>;

export const CauseSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  strength: CauseStrengthSchema,
  title: z.string(),
  because: z.array(CauseFactSchema),
  /** Who can act: the user now, IT, or both. */
  who: z.enum(['user', 'it', 'both']),
  userActions: z.array(z.string()),
  /** Safe repairs of ours, in the order to try them (never on a ruled-out cause). */
  fixes: z.array(FixIdSchema),
  itActions: z.array(z.string()),
  /** The repair that addressed this cause (the error is from before it); such a cause is listed as ruled out. */
  addressedBy: BeforeRepairSchema.optional(),
});
export type Cause = z.infer<typeof CauseSchema>;

export const DiagnosisResultSchema = z.object({
  error: DiagnosisErrorSchema.optional(),
  causes: z.array(CauseSchema),
});
export type DiagnosisResult = z.infer<typeof DiagnosisResultSchema>;
