// Calls and events of the teams domain. Each entry: name -> call(input schema, output schema, doc).
import { z } from 'zod';
import { FindingSchema } from '../model';
import { CodeFamilySchema } from './explain';
import { call, type CallTable, type EventTable } from './define';

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
} satisfies CallTable;
export const teamsEvents = {} satisfies EventTable;
