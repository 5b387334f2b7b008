// The versioned documents scripts read: `diagnose --json`, `remediate --json` and a support bundle's
// report.json. `signin-doctor schema NAME` prints each one's JSON Schema, generated from these zod
// schemas. A change that removes, renames or retypes a field bumps that document's version.
import { z } from 'zod';
import { DiagnosisSchema } from './core';
import { RemediateDocumentSchema } from './remediate';

/**
 * The diagnose --json document's version.
 * 1: the call's result (startedAt, finishedAt, domains, findings, error, causes) with schemaVersion,
 *    kind and device (name, platform) added.
 */
export const DIAGNOSE_SCHEMA_VERSION = 1;

export const DiagnoseDocumentSchema = DiagnosisSchema.extend({
  schemaVersion: z.literal(DIAGNOSE_SCHEMA_VERSION),
  kind: z.literal('diagnose'),
  device: z.object({
    /** The computer's name (os.hostname()). */
    name: z.string(),
    platform: z.enum(['win32', 'darwin', 'linux']),
  }),
});
export type DiagnoseDocument = z.infer<typeof DiagnoseDocumentSchema>;

export { RemediateDocumentSchema };
