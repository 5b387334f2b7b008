// `remediate --detect | --apply` for remote-management engines (Intune Remediations, Jamf, Configuration
// Manager, Ansible): the policy file it reads and the one JSON document it prints with --json. Fleet
// tools (fleet summarize) read this document; its guarantees are in docs/user-guide.md "For scripts".
import { z } from 'zod';
import { SeveritySchema } from '../model';
import { CauseSchema, DiagnosisErrorSchema, FixIdSchema } from './diagnosis';

/**
 * The remediate --json document's version.
 * 1: first version. A change that removes, renames or retypes a field bumps it; new optional fields do not.
 */
export const REMEDIATE_SCHEMA_VERSION = 1;

/** The policy file's version (the `version` key of --policy FILE). */
export const REMEDIATE_POLICY_VERSION = 1;

/** A policy file larger than this is not a policy. */
export const MAX_POLICY_BYTES = 64 * 1024;

/**
 * Where a fix can act unattended: `user` (the signed-in user's own profile: Teams cache, sign-in,
 * per-user proxy; never as root/SYSTEM, whose profile is not the user's) or `machine` (clock,
 * services: only as root/SYSTEM, because unattended mode never shows an administrator prompt).
 */
export const FixContextSchema = z.enum(['user', 'machine']);
export type FixContext = z.infer<typeof FixContextSchema>;

/** The context remediate runs in: the signed-in user, or root/SYSTEM (`system`). */
export const RunContextSchema = z.object({
  kind: z.enum(['user', 'system']),
  /** Administrator rights without asking (root, SYSTEM, or an elevated administrator on Windows). */
  elevated: z.boolean(),
  /** How that was found out: "uid 0", "whoami: S-1-5-18", "unknown: ... (treated as the user)". */
  how: z.string(),
});
export type RunContext = z.infer<typeof RunContextSchema>;

/** The policy file (--policy FILE, JSON). Unknown keys are refused so a misspelt key is never silently ignored. */
export const RemediatePolicySchema = z.strictObject({
  version: z.literal(REMEDIATE_POLICY_VERSION),
  /** The fix ids that may run unattended (each only in its own context). */
  allow: z.array(FixIdSchema).max(32),
  /** Consents a plan may need. Absent = not given. */
  consent: z
    .strictObject({
      /** A Teams repair may quit a running Teams (gracefully: unsaved drafts may be lost). */
      quitTeams: z.boolean().optional(),
      /** ... and force it to close when it does not quit in time. */
      forceQuitTeams: z.boolean().optional(),
    })
    .optional(),
  /** Check only these domains (default: all). */
  only: z.array(z.enum(['teams', 'cac', 'clock', 'network', 'device'])).max(5).optional(),
});
export type RemediatePolicy = z.infer<typeof RemediatePolicySchema>;

/** Why a fix that a cause offers is not applied. */
export const SkipReasonSchema = z.enum([
  /** The policy does not allow it unattended. */
  'not-allowed',
  /** It needs input a person gives (a file, a pasted text): never unattended. */
  'not-unattended',
  /** A per-user fix while running as root/SYSTEM. */
  'needs-user-context',
  /** A machine fix (or a plan that needs administrator rights) outside root/SYSTEM: it would need a prompt. */
  'needs-elevation',
  /** The plan needs a consent the policy did not give (quit a running Teams). */
  'needs-consent',
  /** The plan cannot run now (its own reason: nothing to clear, not on this OS...). */
  'blocked',
  /** Another fix of the same cause ran first (causes list their fixes in the order to try them). */
  'cause-handled',
]);
export type SkipReason = z.infer<typeof SkipReasonSchema>;

export const RemediateFixSchema = z.object({
  fixId: FixIdSchema,
  title: z.string(),
  /** Its context; absent for a fix that never runs unattended. */
  context: FixContextSchema.optional(),
  /** The strong causes that offer it. */
  causes: z.array(z.string()),
  /**
   * detect: `planned` (would apply), `skipped`, or `failed` (its plan could not be made: an error, not
   * a "cannot run now"). apply: `verified` (applied and checked), `applied` (applied, the check did not
   * confirm: not counted as fixed), `failed` (rolled back, or not planned), or `skipped`.
   */
  outcome: z.enum(['planned', 'verified', 'applied', 'failed', 'skipped']),
  reason: SkipReasonSchema.optional(),
  /** In plain words: why skipped, or why it failed. */
  detail: z.string().optional(),
  /** The journal run (apply only): `signin-doctor history RUNID`, `undo RUNID`. */
  runId: z.string().optional(),
});
export type RemediateFix = z.infer<typeof RemediateFixSchema>;

export const RemediateDocumentSchema = z.object({
  schemaVersion: z.literal(REMEDIATE_SCHEMA_VERSION),
  kind: z.literal('remediate'),
  mode: z.enum(['detect', 'apply']),
  /** When the document was made (ISO 8601, UTC). */
  generatedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  device: z.object({
    /** The computer's name (os.hostname()). */
    name: z.string(),
    platform: z.enum(['win32', 'darwin', 'linux']),
    /** "Windows 10.0.22631", "macOS 15.1", "Ubuntu 24.04": from the device checks when they ran. */
    os: z.string().optional(),
  }),
  context: RunContextSchema,
  policy: z.object({
    /** `default` (built in, see docs) or `file`. */
    source: z.enum(['default', 'file']),
    allow: z.array(FixIdSchema),
  }),
  findings: z.object({
    total: z.number().int(),
    bySeverity: z.partialRecord(SeveritySchema, z.number().int()),
    /** The warn and fail findings, worst first. */
    problems: z.array(z.object({ id: z.string(), severity: SeveritySchema, title: z.string() })),
  }),
  /** The newest sign-in error (the Teams logs of the last 7 days), when there is one. */
  error: DiagnosisErrorSchema.optional(),
  /** The error is a Conditional Access block (53003 and its family): reported, never "fixable" here. */
  conditionalAccess: z.boolean(),
  causes: z.array(CauseSchema),
  fixes: z.array(RemediateFixSchema),
  summary: z.object({
    /** Problems found: the warn and fail findings. */
    problems: z.number().int(),
    planned: z.number().int(),
    verified: z.number().int(),
    /** Failed, or applied but not confirmed by the check afterwards. */
    failed: z.number().int(),
    skipped: z.number().int(),
  }),
  /** The one line printed without --json (at most 2,048 characters). */
  line: z.string().max(2048),
  /** detect: 1 when there is at least one fix to apply (or one failed to plan). apply: 0 when every one was applied and verified. */
  exitCode: z.union([z.literal(0), z.literal(1)]),
});
export type RemediateDocument = z.infer<typeof RemediateDocumentSchema>;

/** Intune shows at most 2,048 characters of a script's output per device. */
export const MAX_REMEDIATE_LINE = 2048;
