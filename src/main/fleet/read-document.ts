// Which of our documents a parsed file is (diagnose --json, remediate --json, a support bundle's
// report.json), whether its schema version is newer than this build knows, and its machine facts.
// Anything else is foreign; one of ours whose fields do not fit is of the wrong shape.
import { z } from 'zod';
import type { FleetDocKind, FleetSkipReason } from '../../shared/contract/fleet';
import { KNOWN_VERSIONS } from './known-versions';
import { MAX_FINDINGS, factsFromEvidence, readOs, sharedFacts, type MachineFacts } from './machine-record';
import { readRemediate } from './read-remediate';

export type DocumentResult = { ok: true; facts: MachineFacts } | { ok: false; reason: FleetSkipReason; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The kind by the document's own mark, else by its fields (diagnose output before schemaVersion had no mark). */
function kindOf(doc: Record<string, unknown>): FleetDocKind | undefined {
  if (doc.kind === 'diagnose' || doc.kind === 'remediate' || doc.kind === 'report') return doc.kind;
  if (doc.kind !== undefined) return undefined;
  if ('generatedAt' in doc && 'summary' in doc && 'findings' in doc && 'app' in doc) return 'report';
  if ('startedAt' in doc && 'finishedAt' in doc && 'findings' in doc) return 'diagnose';
  return undefined;
}

/** A newer version may have moved or retyped a field: what no longer fits is left out, not fatal. */
function lenient(doc: Record<string, unknown>): Record<string, unknown> {
  return { ...doc, findings: Array.isArray(doc.findings) ? doc.findings : [], device: isObject(doc.device) ? doc.device : undefined };
}

const PLATFORM: Record<string, string> = { win32: 'Windows', darwin: 'macOS', linux: 'Linux' };

const DiagnoseShape = z.object({
  finishedAt: z.unknown().optional(),
  findings: z.array(z.unknown()),
  error: z.unknown().optional(),
  causes: z.unknown().optional(),
  device: z.object({ name: z.unknown().optional(), platform: z.unknown().optional() }).partial().optional(),
});

function readDiagnose(doc: Record<string, unknown>, newer: boolean): MachineFacts | { wrongShape: string } {
  const parsed = DiagnoseShape.safeParse(newer ? lenient(doc) : doc);
  if (!parsed.success) return { wrongShape: 'its findings are not a list' };
  const d = parsed.data;
  const { kept, facts } = sharedFacts('diagnose', newer, d);
  const evidence = factsFromEvidence(kept);
  const platform = typeof d.device?.platform === 'string' ? PLATFORM[d.device.platform] : undefined;
  const os = evidence.os ?? (platform ? readOs(platform, platform, undefined) : undefined);
  const deviceName = typeof d.device?.name === 'string' ? d.device.name : evidence.deviceName;
  return {
    ...facts,
    ...(os ? { os } : {}),
    teams: evidence.teams,
    ...(typeof d.finishedAt === 'string' ? { at: d.finishedAt } : {}),
    ...(deviceName ? { deviceName } : {}),
    ...(evidence.deviceId ? { deviceId: evidence.deviceId } : {}),
  };
}

const ReportShape = z.object({
  generatedAt: z.unknown().optional(),
  findings: z.array(z.unknown()),
  error: z.unknown().optional(),
  causes: z.unknown().optional(),
  device: z.object({ policyPlatform: z.unknown().optional(), osName: z.unknown().optional(), osVersion: z.unknown().optional(), deviceId: z.unknown().optional() }).partial().optional(),
});

function readReport(doc: Record<string, unknown>, newer: boolean): MachineFacts | { wrongShape: string } {
  const parsed = ReportShape.safeParse(newer ? lenient(doc) : doc);
  if (!parsed.success) return { wrongShape: 'its findings or device do not fit' };
  const d = parsed.data;
  const { kept, facts } = sharedFacts('report', newer, d);
  const evidence = factsFromEvidence(kept);
  const os = evidence.os ?? readOs(d.device?.policyPlatform, d.device?.osName, d.device?.osVersion);
  const deviceId = evidence.deviceId ?? (typeof d.device?.deviceId === 'string' ? d.device.deviceId : undefined);
  return {
    ...facts,
    ...(os ? { os } : {}),
    teams: evidence.teams,
    ...(typeof d.generatedAt === 'string' ? { at: d.generatedAt } : {}),
    ...(evidence.deviceName ? { deviceName: evidence.deviceName } : {}),
    ...(deviceId ? { deviceId } : {}),
  };
}

/** The document with its findings list cut to MAX_FINDINGS before zod copies it, how many were cut, and whether the list is there at all. */
function capFindings(kind: FleetDocKind, doc: Record<string, unknown>): { doc: Record<string, unknown>; over: number; fits: boolean } {
  const holder = kind === 'remediate' ? doc.findings : doc;
  const list = isObject(holder) ? (kind === 'remediate' ? holder.problems : holder.findings) : undefined;
  if (!Array.isArray(list)) return { doc, over: 0, fits: false };
  if (list.length <= MAX_FINDINGS) return { doc, over: 0, fits: true };
  const cut = list.slice(0, MAX_FINDINGS);
  const capped = kind === 'remediate' ? { ...doc, findings: { ...(holder as Record<string, unknown>), problems: cut } } : { ...doc, findings: cut };
  return { doc: capped, over: list.length - MAX_FINDINGS, fits: true };
}

export function readDocument(value: unknown): DocumentResult {
  if (!isObject(value)) return { ok: false, reason: 'foreign', detail: 'not a JSON object' };
  const kind = kindOf(value);
  if (!kind) return { ok: false, reason: 'foreign', detail: 'not a diagnose, remediate or report document' };
  const version = value.schemaVersion;
  if (version !== undefined && !(typeof version === 'number' && Number.isInteger(version) && version >= 1)) return { ok: false, reason: 'wrong-shape', detail: 'its schemaVersion is not a version number' };
  const newer = typeof version === 'number' && version > KNOWN_VERSIONS[kind];
  const { doc, over, fits } = capFindings(kind, value);
  const read = kind === 'diagnose' ? readDiagnose(doc, newer) : kind === 'report' ? readReport(doc, newer) : readRemediate(doc, newer);
  if ('wrongShape' in read) return { ok: false, reason: 'wrong-shape', detail: read.wrongShape };
  return { ok: true, facts: { ...read, findingsDropped: read.findingsDropped + over, ...(newer && !fits ? { findingsUnreadable: true as const } : {}) } };
}
