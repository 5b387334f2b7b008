// The explainer's vocabulary: what a code means, who can fix it, and what was found in a pasted text.
import { z } from 'zod';
import { StableIdSchema } from '../model';
import { call, defineFindings, defineFixOptions } from './define';

/**
 * aadsts: Entra sign-in service; wam: Windows token broker / ADAL 0xCAA…; pcsc: smart card 0x8010…;
 * hresult: other Windows HRESULT / Win32 codes seen around sign-in (network, TPM, device registration,
 * MDM enrollment); msa: Microsoft account and Office client codes 0x8004….
 */
export const CodeFamilySchema = z.enum(['aadsts', 'wam', 'pcsc', 'hresult', 'msa']);
export type CodeFamily = z.infer<typeof CodeFamilySchema>;

export const FixerSchema = z.enum(['user', 'admin', 'developer', 'both']);
export type Fixer = z.infer<typeof FixerSchema>;

export const CatalogEntrySchema = z.object({
  family: CodeFamilySchema,
  /** Canonical code: decimal digits for AADSTS ('53003'), 8 upper-case hex digits for the others ('CAA2000B', '80070422'). */
  code: z.string(),
  /** Official symbolic name ('BlockedByConditionalAccess', 'SCARD_E_NO_SERVICE'). */
  name: z.string(),
  /** Plain-language meaning, in our words. */
  meaning: z.string(),
  fixer: FixerSchema,
  userActions: z.array(z.string()),
  adminActions: z.array(z.string()),
  /** Things people try that will not help (the 53003 "clear the cache" myth). */
  wontHelp: z.array(z.string()).default([]),
  /** Conditions a policy may have tested (Conditional Access codes). */
  conditions: z.array(z.string()).default([]),
  /** Checks and fixes of ours that are relevant. */
  relatedChecks: z.array(z.string()).default([]),
  relatedFixes: z.array(StableIdSchema).default([]),
  /** True when the exact code is not in the catalog and only its family range is known. */
  rangeOnly: z.boolean().default(false),
});
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;

export const FoundCodeSchema = z.object({
  family: CodeFamilySchema,
  code: z.string(),
  /** The text as it appeared. */
  raw: z.string(),
  known: z.boolean(),
  entry: CatalogEntrySchema.optional(),
});
export type FoundCode = z.infer<typeof FoundCodeSchema>;

export const TroubleshootingFieldsSchema = z.object({
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
  traceId: z.string().optional(),
  timestamp: z.string().optional(),
  appName: z.string().optional(),
  appId: z.string().optional(),
  ipAddress: z.string().optional(),
  deviceId: z.string().optional(),
  devicePlatform: z.string().optional(),
  deviceState: z.string().optional(),
  error: z.string().optional(),
  suberror: z.string().optional(),
  errorUri: z.string().optional(),
  /** An Office / Teams client "Tag" (4-6 letters and digits): not an error code, a pointer for Microsoft support. */
  supportTag: z.string().optional(),
});
export type TroubleshootingFields = z.infer<typeof TroubleshootingFieldsSchema>;

export const TextFormatSchema = z.enum(['empty', 'json', 'soap', 'error-page', 'teams-dialog', 'plain']);

/** One error of a paste: its own codes and its own IDs (a paste can hold several failed requests). */
export const ExplainedErrorSchema = z.object({
  codes: z.array(FoundCodeSchema),
  fields: TroubleshootingFieldsSchema,
});
export type ExplainedError = z.infer<typeof ExplainedErrorSchema>;

export const ExplanationSchema = z.object({
  format: TextFormatSchema,
  /** The newest error's codes and IDs (the only error of most pastes); kept for older readers. */
  codes: z.array(FoundCodeSchema),
  fields: TroubleshootingFieldsSchema,
  /** Every error of the paste, newest first, each with its own codes and IDs. */
  errors: z.array(ExplainedErrorSchema).default([]),
  /** One sentence for the top of the screen. */
  headline: z.string(),
  /** Who can act on the most important code. */
  fixer: FixerSchema.optional(),
  /** A ready-to-send message for IT (ids, timestamp, codes, meaning). */
  itMessage: z.string(),
  notes: z.array(z.string()),
});
export type Explanation = z.infer<typeof ExplanationSchema>;

/** Size limit of pasted text: generous for logs, bounded for memory and time. */
export const MAX_EXPLAIN_INPUT = 4 * 1024 * 1024;

export const explainCalls = {
  'explain.text': call(
    z.object({ text: z.string().max(MAX_EXPLAIN_INPUT) }),
    ExplanationSchema,
    'Find every sign-in error code and troubleshooting id in a pasted text and explain them.',
  ),
  'explain.lookup': call(
    z.object({ code: z.string().max(64) }),
    z.object({ found: z.array(FoundCodeSchema) }),
    'Look up one code (53003, AADSTS53003, 0xCAA2000B, 3399614476, 0x8010001D, 0x80070422, -2147023838, 80043490).',
  ),
};
export const explainEvents = {};

// ---- Findings and fix options by id ----

/** The explainer reads pasted text: it has no checks, so no findings. */
export const explainFindings = defineFindings('explain', {});

export const explainFixOptions = defineFixOptions('explain', {
  'explain.save-note': z.object({ text: z.string().min(1, 'paste the error text to save a note about it').max(MAX_EXPLAIN_INPUT) }),
});
