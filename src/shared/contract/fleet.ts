// `fleet summarize --json`: the picture of many machines, built from the diagnose --json,
// remediate --json and report.json files a remote-management engine collected. Every text in it
// that came from those files has been filtered of secrets and control characters and capped.
import { z } from 'zod';
import { SeveritySchema } from '../model';

/**
 * The fleet summary's version.
 * 1: first version. A change that removes, renames or retypes a field bumps it; new optional fields do not.
 */
export const FLEET_SCHEMA_VERSION = 1;

/** The documents a machine file may be. */
export const FleetDocKindSchema = z.enum(['diagnose', 'remediate', 'report']);
export type FleetDocKind = z.infer<typeof FleetDocKindSchema>;

/** Why a file was not read as a machine (each class counted, with a few of its files named). */
export const FleetSkipReasonSchema = z.enum([
  'too-large', // over the per-file cap: never read
  'binary', // not text
  'broken-json', // not valid JSON: cut short, damaged or empty
  'wrong-shape', // one of our documents by its marks, but its fields do not fit
  'foreign', // valid JSON, but not a diagnose, remediate or report document
  'bad-zip', // a zip without a readable report.json
  'unreadable', // permissions, removed while read, a broken link
  'special-file', // a pipe, socket or device: never opened for reading
  'link-loop', // a link back into a folder already walked
  'link-outside', // a link in a walked folder to somewhere outside the PATH given: not followed
  'seen-already', // the same file reached a second time through a link
  'too-deep', // folders nested deeper than the walk goes
]);
export type FleetSkipReason = z.infer<typeof FleetSkipReasonSchema>;

export const SeverityCountsSchema = z.object({ fail: z.number().int(), warn: z.number().int(), info: z.number().int(), ok: z.number().int() });
export type SeverityCounts = z.infer<typeof SeverityCountsSchema>;

/** Where a machine's label came from: the device name in its file, its device id, else the file's name. */
export const MachineLabelSourceSchema = z.enum(['device-name', 'device-id', 'file']);

export const FleetSummarySchema = z.object({
  schemaVersion: z.literal(FLEET_SCHEMA_VERSION),
  kind: z.literal('fleet-summary'),
  generatedAt: z.string(),
  inputs: z.object({
    /** Files read as machine documents (superseded ones included). */
    read: z.number().int(),
    byKind: z.object({ diagnose: z.number().int(), remediate: z.number().int(), report: z.number().int() }),
    /** Older files of a machine that another, newer file describes too: the newest wins. */
    superseded: z.number().int(),
    /** Files in walked folders whose names end neither in .json nor in .zip: not opened. */
    ignored: z.number().int(),
    skipped: z.object({
      total: z.number().int(),
      byReason: z.array(z.object({ reason: FleetSkipReasonSchema, files: z.number().int(), meaning: z.string(), examples: z.array(z.string()) })),
    }),
    /** Files from a newer schema version than this build knows: read as far as they could be. */
    newerSchema: z.object({
      files: z.number().int(),
      examples: z.array(z.string()),
      /** Of those, files whose findings this build cannot read: they never replace a readable file of the machine. */
      unreadableFindings: z.number().int().optional(),
    }),
    /** Findings left out because they did not fit (an unknown severity, a malformed id). */
    findingsDropped: z.number().int(),
  }),
  machines: z.object({
    total: z.number().int(),
    /** Machines by the worst severity they have. */
    byWorst: SeverityCountsSchema,
    /** Machines with at least one warn or fail finding. */
    withProblems: z.number().int(),
  }),
  /** Each finding id: how many machines have it, by severity; problems (fail, then warn) first. */
  findings: z.array(z.object({ id: z.string(), domain: z.string(), machines: z.number().int(), bySeverity: SeverityCountsSchema })),
  /** The newest sign-in error of each machine, most common first, with the leading causes of those machines. */
  errorCodes: z.array(
    z.object({
      display: z.string(),
      family: z.string(),
      code: z.string(),
      /** From our catalog, never from the files. */
      name: z.string().optional(),
      machines: z.number().int(),
      causes: z.array(z.object({ id: z.string(), title: z.string().optional(), machines: z.number().int() })),
    }),
  ),
  byOs: z.array(
    z.object({
      platform: z.string(),
      machines: z.number().int(),
      withProblems: z.number().int(),
      versions: z.array(z.object({ version: z.string(), machines: z.number().int(), withProblems: z.number().int() })),
    }),
  ),
  byTeamsClient: z.array(
    z.object({
      client: z.string(),
      name: z.string(),
      machines: z.number().int(),
      withProblems: z.number().int(),
      versions: z.array(z.object({ version: z.string(), machines: z.number().int() })),
    }),
  ),
  /** The machines to look at first: the worst severity, then the most failures, warnings and strong causes. */
  lookFirst: z.array(
    z.object({
      label: z.string(),
      labelFrom: MachineLabelSourceSchema,
      file: z.string(),
      kind: FleetDocKindSchema,
      at: z.string(),
      worst: SeveritySchema,
      fails: z.number().int(),
      warns: z.number().int(),
      problems: z.array(z.string()),
      errorCode: z.string().optional(),
      topCause: z.string().optional(),
      newerSchema: z.boolean(),
    }),
  ),
});
export type FleetSummary = z.infer<typeof FleetSummarySchema>;
