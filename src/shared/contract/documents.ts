// The versioned documents scripts read: `diagnose --json`, `remediate --json` and a support bundle's
// report.json. `signin-doctor schema NAME` prints each one's JSON Schema, generated from these zod
// schemas. A change that removes, renames or retypes a field bumps that document's version; a new
// optional field does not. Guarantees: docs/user-guide.md, "For scripts".
import { z } from 'zod';
import { FindingSchema, RunSummarySchema, SeveritySchema } from '../model';
import { DiagnosisSchema } from './core';
import { DeviceSummarySchema } from './device';
import { CauseSchema, DiagnosisErrorSchema } from './diagnosis';
import { FLEET_SCHEMA_VERSION, FleetSummarySchema } from './fleet';
import { RemediateDocumentSchema } from './remediate';
import { ItMessageSchema, REPORT_SCHEMA_VERSION } from './report';

/**
 * The diagnose --json document's version.
 * 1: the call's result (startedAt, finishedAt, domains, findings, error, causes) with schemaVersion,
 *    kind and device (name, platform) added.
 */
export const DIAGNOSE_SCHEMA_VERSION = 1;

const PlatformSchema = z.enum(['win32', 'darwin', 'linux']);

export const DiagnoseDocumentSchema = DiagnosisSchema.extend({
  schemaVersion: z.literal(DIAGNOSE_SCHEMA_VERSION),
  kind: z.literal('diagnose'),
  device: z.object({
    /** The computer's name (os.hostname()). */
    name: z.string(),
    platform: PlatformSchema,
  }),
});
export type DiagnoseDocument = z.infer<typeof DiagnoseDocumentSchema>;

/** report.json in a support bundle (src/main/report/report-document.ts builds it; a unit test ties the two). */
export const ReportDocumentSchema = z.object({
  schemaVersion: z.literal(REPORT_SCHEMA_VERSION),
  generatedAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  platform: z.string(),
  redaction: z.object({
    personal: z.enum(['redacted', 'included']),
    counts: z.record(z.string(), z.number()),
    rules: z.record(z.string(), z.number()),
  }),
  summary: z.object({
    worst: SeveritySchema,
    nothingWrong: z.boolean(),
    headline: z.string(),
    bySeverity: z.partialRecord(SeveritySchema, z.number()),
  }),
  message: z.string(),
  messageFacts: ItMessageSchema.shape.facts,
  device: DeviceSummarySchema.optional(),
  explanation: z
    .object({
      format: z.string(),
      headline: z.string(),
      codes: z.array(z.object({ family: z.string(), code: z.string(), name: z.string(), meaning: z.string(), fixer: z.string() })),
      fields: z.record(z.string(), z.string().optional()),
    })
    .optional(),
  error: DiagnosisErrorSchema.optional(),
  causes: z.array(CauseSchema),
  domains: z.array(z.string()),
  findings: z.array(FindingSchema),
  history: z.array(RunSummarySchema),
});

/** What `signin-doctor schema NAME` knows, with each one's version. */
export const DOCUMENT_SCHEMAS = {
  diagnose: { schema: DiagnoseDocumentSchema, version: DIAGNOSE_SCHEMA_VERSION, title: 'signin-doctor diagnose --json' },
  remediate: { schema: RemediateDocumentSchema, version: RemediateDocumentSchema.shape.schemaVersion.value, title: 'signin-doctor remediate --json' },
  report: { schema: ReportDocumentSchema, version: REPORT_SCHEMA_VERSION, title: 'report.json of a support bundle (signin-doctor report --out)' },
  fleet: { schema: FleetSummarySchema, version: FLEET_SCHEMA_VERSION, title: 'signin-doctor fleet summarize --json' },
} as const;
export type DocumentName = keyof typeof DOCUMENT_SCHEMAS;
export const DOCUMENT_NAMES = Object.keys(DOCUMENT_SCHEMAS) as DocumentName[];

/** Objects stay open: a field added later (without a version bump) must not fail an older schema. */
function openObjects(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(openObjects);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'additionalProperties' && value === false) continue;
    out[key] = openObjects(value);
  }
  return out;
}

/** The JSON Schema (draft 2020-12) of a document, as the CLI prints it. */
export function documentJsonSchema(name: DocumentName): Record<string, unknown> {
  const d = DOCUMENT_SCHEMAS[name];
  const json = openObjects(z.toJSONSchema(d.schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' })) as Record<string, unknown>;
  return { $schema: json.$schema, $id: `https://signindoctor.org/schema/${name}-${d.version}.json`, title: d.title, ...json };
}

export { RemediateDocumentSchema };
