// The documents scripts read: the report.json schema describes what report-document.ts builds (a
// type error here when they part), every schema carries its version as a constant, and the printed
// JSON Schema leaves objects open so a later optional field does not fail an older schema.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ReportDocument } from '../../../../src/main/report/report-document';
import { DOCUMENT_NAMES, DOCUMENT_SCHEMAS, documentJsonSchema, type ReportDocumentSchema } from '../../../../src/shared/contract/documents';
import { REPORT_SCHEMA_VERSION } from '../../../../src/shared/contract/report';

// Compile-time: what the bundle writes is what the schema says, both ways.
const toSchema = (d: ReportDocument): z.input<typeof ReportDocumentSchema> => d;
const fromSchema = (d: z.output<typeof ReportDocumentSchema>): ReportDocument => d;

describe('document schemas', () => {
  it('each document fixes its version; report.json is the bundle\'s version', () => {
    expect([toSchema, fromSchema].length).toBe(2);
    expect(DOCUMENT_NAMES).toEqual(['diagnose', 'remediate', 'report', 'fleet']);
    expect(DOCUMENT_SCHEMAS.report.version).toBe(REPORT_SCHEMA_VERSION);
    for (const name of DOCUMENT_NAMES) {
      const json = documentJsonSchema(name) as { properties: { schemaVersion: { const: number } }; required: string[]; $id: string };
      expect(json.properties.schemaVersion.const, name).toBe(DOCUMENT_SCHEMAS[name].version);
      expect(json.required, name).toContain('schemaVersion');
      expect(json.$id).toBe(`https://signindoctor.org/schema/${name}-${DOCUMENT_SCHEMAS[name].version}.json`);
      expect(JSON.stringify(json), name).not.toContain('"additionalProperties":false');
    }
  });
});
