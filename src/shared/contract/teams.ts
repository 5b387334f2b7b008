// Calls and events of the teams domain. Each entry: name -> call(input schema, output schema, doc).
import { z } from 'zod';
import { FindingSchema } from '../model';
import { CodeFamilySchema } from './explain';
import { call, defineFindings, defineFixOptions, type CallTable, type EventTable, type EvidenceInputIn, type FindingIdIn } from './define';

export const TeamsClientIdSchema = z.enum(['classic', 'new', 'linux']);
export type TeamsClientId = z.infer<typeof TeamsClientIdSchema>;

export const TeamsFolderSchema = z.object({
  path: z.string(),
  exists: z.boolean(),
  /** The folder itself is a link: a cache clear refuses it. */
  isLink: z.boolean(),
  bytes: z.number().optional(),
  files: z.number().optional(),
  /** ISO time of the newest write inside. */
  newest: z.string().optional(),
  /** The size walk stopped at its bound: figures are a lower bound. */
  truncated: z.boolean().optional(),
});

export const TeamsClientStatusSchema = z.object({
  id: TeamsClientIdSchema,
  name: z.string(),
  installed: z.boolean(),
  folders: z.array(TeamsFolderSchema),
  version: z.string().optional(),
  running: z.enum(['yes', 'no', 'unknown']),
  processes: z.array(z.object({ pid: z.number(), name: z.string() })),
});
export type TeamsClientStatus = z.infer<typeof TeamsClientStatusSchema>;

export const TeamsLogFailureSchema = z.object({
  client: TeamsClientIdSchema,
  file: z.string(),
  line: z.number(),
  time: z.string().optional(),
  codes: z.array(
    z.object({
      family: CodeFamilySchema,
      code: z.string(),
      display: z.string(),
      name: z.string().optional(),
      meaning: z.string().optional(),
      known: z.boolean(),
      conditionalAccess: z.boolean(),
      relatedFixes: z.array(z.string()),
    }),
  ),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
  excerpt: z.string(),
});
export type TeamsLogFailure = z.infer<typeof TeamsLogFailureSchema>;

export const TeamsStatusSchema = z.object({
  platform: z.enum(['win32', 'darwin', 'linux']),
  clients: z.array(TeamsClientStatusSchema),
  processListError: z.string().optional(),
  logFailures: z.array(TeamsLogFailureSchema),
  logFilesRead: z.number(),
  findings: z.array(FindingSchema),
});
export type TeamsStatus = z.infer<typeof TeamsStatusSchema>;

export const OfficialResetSchema = z.object({
  available: z.boolean(),
  /** ms-settings deep link to new Teams' page in Settings > Apps (Windows only). */
  uri: z.string().optional(),
  opened: z.boolean(),
  explanation: z.string(),
  steps: z.array(z.string()),
});
export type OfficialReset = z.infer<typeof OfficialResetSchema>;

/** Which client to act on: one by id, or 'auto' (the installed one; new Teams before classic). */
export const TeamsClientChoiceSchema = z.enum(['auto', ...TeamsClientIdSchema.options]);

export const TeamsStartSchema = z.object({
  started: z.boolean(),
  client: TeamsClientIdSchema.optional(),
  /** The launcher as run: the program's absolute path, then its arguments. */
  launcher: z.object({ program: z.string(), args: z.array(z.string()) }).optional(),
  /** Of the started program (teams-for-linux itself; on Windows and macOS the launcher hands over and exits). */
  pid: z.number().int().optional(),
  /** Why not: Teams runs already, no client (or no launcher) installed, the launcher failed, this OS has none. */
  reason: z.enum(['already-running', 'not-installed', 'launch-failed']).optional(),
  processes: z.array(z.object({ pid: z.number(), name: z.string() })).optional(),
  message: z.string(),
});
export type TeamsStart = z.infer<typeof TeamsStartSchema>;

/** The longest watch: two minutes. */
export const SIGNIN_WATCH_MAX_MS = 120_000;

export const SigninOutcomeSchema = z.object({
  outcome: z.enum(['signed-in', 'failed', 'no-answer']),
  /** UTC ISO time of the log line. */
  at: z.string().optional(),
  /** The failure's code as the catalog keys it (53003, CAA2000B), its display form (AADSTS53003), name and meaning. */
  code: z.string().optional(),
  display: z.string().optional(),
  name: z.string().optional(),
  meaning: z.string().optional(),
  conditionalAccess: z.boolean().optional(),
  correlationId: z.string().optional(),
  file: z.string().optional(),
  client: TeamsClientIdSchema.optional(),
  /** The folders watched, and whether by change events or (fs.watch unavailable) a slow poll. */
  watched: z.array(z.string()),
  mode: z.enum(['watch', 'poll']),
});
export type SigninOutcome = z.infer<typeof SigninOutcomeSchema>;

export const teamsCalls = {
  'teams.status': call(
    z.object({ sizes: z.boolean().default(true) }).strict(),
    TeamsStatusSchema,
    'Teams clients found (folders, sizes, version, running), sign-in failures in their logs, and the findings.',
  ),
  'teams.official-reset': call(
    z.object({ open: z.boolean().default(false) }).strict(),
    OfficialResetSchema,
    'The last resort for new Teams on Windows: the Settings page with its Reset button (deep link and steps; opens it when asked and allowed).',
  ),
  'teams.start': call(
    z.object({ client: TeamsClientChoiceSchema.default('auto') }).strict(),
    TeamsStartSchema,
    'Starts Teams through its own launcher (never when it runs already); says which launcher, the pid, or why not.',
  ),
  'teams.watch-signin': call(
    z
      .object({
        /** Only log lines after this moment count (ISO time with zone; default: now). */
        since: z.iso.datetime({ offset: true }).optional(),
        timeoutMs: z.number().int().min(1).max(SIGNIN_WATCH_MAX_MS).default(SIGNIN_WATCH_MAX_MS),
        client: TeamsClientChoiceSchema.default('auto'),
      })
      .strict(),
    SigninOutcomeSchema,
    'Watches the Teams logs for the next sign-in outcome (signed in, failed with a code, or no answer within the timeout, at most two minutes).',
  ),
} satisfies CallTable;
export const teamsEvents = {} satisfies EventTable;

// ---- Findings: evidence schema per id ----

const LogFailureFactsSchema = TeamsLogFailureSchema.omit({ excerpt: true }).strict();
const TotalsSchema = { bytes: z.number(), files: z.number() };

export const teamsFindings = defineFindings('teams', {
  'teams.not-found': z.strictObject({ clients: z.array(TeamsClientStatusSchema) }),
  'teams.client-*': z.strictObject({
    client: TeamsClientIdSchema,
    name: z.string(),
    folders: z.array(TeamsFolderSchema),
    running: TeamsClientStatusSchema.shape.running,
    processes: TeamsClientStatusSchema.shape.processes,
    ...TotalsSchema,
    newest: z.string().optional(),
    version: z.string().optional(),
  }),
  'teams.folder-link-*': z.strictObject({ path: z.string() }),
  'teams.cache-large-*': z.strictObject({ client: TeamsClientIdSchema, ...TotalsSchema }),
  'teams.cache-stale-*': z.strictObject({ client: TeamsClientIdSchema, newest: z.string() }),
  'teams.running': z.strictObject({ processes: z.array(z.strictObject({ pid: z.number(), name: z.string(), client: TeamsClientIdSchema })) }),
  'teams.running-unknown': z.strictObject({ error: z.string() }),
  'teams.logs-clean': z.strictObject({ filesRead: z.number().int() }),
  'teams.log-signin-failure': z.strictObject({
    /** The leading code as displayed (AADSTS53003, 0xCAA2000B). */
    code: z.string(),
    conditionalAccess: z.boolean(),
    time: z.string().optional(),
    correlationId: z.string().optional(),
    requestId: z.string().optional(),
    file: z.string(),
    lines: z.array(z.string()),
    /** The facts of each line (never the line): evidence is shown, reported and sent to IT. */
    failures: z.array(LogFailureFactsSchema),
  }),
  'teams.log-signin-loop': z.strictObject({ counts: z.record(z.string(), z.number().int()), lines: z.array(z.string()), failures: z.array(LogFailureFactsSchema) }),
});
export type TeamsFindingId = FindingIdIn<typeof teamsFindings.schemas>;
export type TeamsEvidenceInput<I extends string> = EvidenceInputIn<typeof teamsFindings.schemas, I>;

// ---- Fix options: schema per fix id ----

/** The CLI passes strings ("true") or a bare flag (true); IPC passes booleans: both are accepted, anything else is bad input. */
export const boolOption = z
  .union([z.boolean(), z.enum(['true', 'false', 'yes', 'no', '1', '0'])])
  .default(false)
  .transform((v) => v === true || v === 'true' || v === 'yes' || v === '1');

export const CacheClearOptionsSchema = z.object({
  client: z.enum(['all', ...TeamsClientIdSchema.options]).default('all'),
  quitTeams: boolOption,
  force: boolOption,
});
export const SigninResetOptionsSchema = z.object({ quitTeams: boolOption, force: boolOption });

export const teamsFixOptions = defineFixOptions('teams', {
  'teams.cache-clear': CacheClearOptionsSchema,
  'teams.signin-reset': SigninResetOptionsSchema,
});
