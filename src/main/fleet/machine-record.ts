// What the summary keeps of one machine's file: a compact record (its findings' ids and severities,
// the newest error's code, its leading causes, OS and Teams client), never the document. Every
// piece is read leniently, field by field, so a file from a newer schema version gives what it can;
// ids and codes must fit their patterns, and every text goes through safeText.
import { z } from 'zod';
import { ErrorCodeFamilySchema } from '../../shared/contract/diagnosis';
import type { FleetDocKind } from '../../shared/contract/fleet';
import { findEntry } from '../../shared/knowledge/catalog';
import { CAUSE_RULES, ERROR_FAMILIES, WINHTTP_NAMES } from '../../shared/knowledge/causes';
import { DOMAINS, SEVERITY_ORDER, SeveritySchema, StableIdSchema, type Severity } from '../../shared/model';
import { safeText } from './safe-text';

export interface MachineFinding {
  id: string;
  severity: Severity;
  title?: string;
}

export interface MachineError {
  family: string;
  code: string;
  display: string;
  name?: string;
}

export interface MachineRecord {
  /** Who the machine is: its device id, else its device name, else the file (never two machines in one). */
  key: string;
  label: string;
  labelFrom: 'device-name' | 'device-id' | 'file';
  file: string;
  kind: FleetDocKind;
  /** When the document was made (ISO); the file's time when the document does not say. */
  at: string;
  atMs: number;
  newerSchema: boolean;
  /** A newer-schema file whose findings this build cannot read: it never replaces a readable file. */
  findingsUnreadable?: true;
  findings: MachineFinding[];
  error?: MachineError;
  /** Causes that are not ruled out, strongest first (ids). */
  causes: string[];
  strongCauses: number;
  os?: { platform: string; version: string };
  teams: Array<{ client: string; name: string; version?: string }>;
}

/** What a document reader gives back before the file's identity is settled. */
export type MachineFacts = Omit<MachineRecord, 'key' | 'label' | 'labelFrom' | 'file' | 'at' | 'atMs'> & {
  at?: string;
  deviceName?: string;
  deviceId?: string;
  findingsDropped: number;
};

/** Findings (and list entries like them) kept per file; a real run has a few dozen. The rest are counted as dropped. */
export const MAX_FINDINGS = 2000;

const LenientFindingSchema = z.object({ id: StableIdSchema, severity: SeveritySchema, title: z.unknown().optional(), evidence: z.unknown().optional() });
type LenientFinding = z.infer<typeof LenientFindingSchema> & { evidence?: unknown };

/** The findings that fit (a known severity, a well-formed id), one per id (the worst); and how many did not. */
export function readFindings(raw: unknown): { findings: MachineFinding[]; kept: LenientFinding[]; dropped: number } {
  if (!Array.isArray(raw)) return { findings: [], kept: [], dropped: 0 };
  const byId = new Map<string, MachineFinding>();
  const kept: LenientFinding[] = [];
  let dropped = Math.max(0, raw.length - MAX_FINDINGS);
  for (const item of raw.slice(0, MAX_FINDINGS)) {
    const parsed = LenientFindingSchema.safeParse(item);
    if (!parsed.success) {
      dropped++;
      continue;
    }
    kept.push(parsed.data);
    const f = parsed.data;
    const before = byId.get(f.id);
    if (before && SEVERITY_ORDER[before.severity] >= SEVERITY_ORDER[f.severity]) continue;
    const title = safeText(f.title, 120);
    byId.set(f.id, { id: f.id, severity: f.severity, ...(title ? { title } : {}) });
  }
  return { findings: [...byId.values()], kept, dropped };
}

const CODE = /^[0-9A-Za-z]{1,16}$/;
const LenientCodeSchema = z.object({ family: ErrorCodeFamilySchema, code: z.string().regex(CODE), display: z.unknown().optional() });
const MAX_CODES = 100;
const LenientErrorSchema = z.object({ codes: z.array(z.unknown()).max(MAX_CODES), leadCode: z.unknown().optional() });

function displayOf(family: string, code: string): string {
  return family === 'aadsts' ? `AADSTS${code}` : `0x${code}`;
}

/** The error's leading code (the one the causes were ranked for), named from our catalog, never from the file. */
export function readError(raw: unknown): MachineError | undefined {
  // Refused before zod, which would walk and copy a list of any length first.
  const list = typeof raw === 'object' && raw !== null ? (raw as { codes?: unknown }).codes : undefined;
  if (Array.isArray(list) && list.length > MAX_CODES) return undefined;
  const error = LenientErrorSchema.safeParse(raw);
  if (!error.success) return undefined;
  const codes = error.data.codes.flatMap((c) => {
    const parsed = LenientCodeSchema.safeParse(c);
    return parsed.success ? [parsed.data] : [];
  });
  const lead = codes.find((c) => displayOf(c.family, c.code.toUpperCase()) === String(error.data.leadCode ?? '').toUpperCase()) ?? codes[0];
  if (!lead) return undefined;
  const code = lead.family === 'aadsts' ? lead.code : lead.code.toUpperCase();
  const name = lead.family === 'winhttp' ? WINHTTP_NAMES[code] : findEntry(lead.family, code)?.name;
  return { family: lead.family, code, display: displayOf(lead.family, code), ...(name ? { name } : {}) };
}

const CAUSE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const LenientCauseSchema = z.object({ id: z.string().max(64).regex(CAUSE_ID), strength: z.string() });

/** The causes not ruled out, in the file's order (strongest first), and how many are strong. */
export function readCauses(raw: unknown): { causes: string[]; strong: number } {
  if (!Array.isArray(raw)) return { causes: [], strong: 0 };
  const causes: string[] = [];
  let strong = 0;
  for (const item of raw.slice(0, 100)) {
    const parsed = LenientCauseSchema.safeParse(item);
    if (!parsed.success || (parsed.data.strength !== 'strong' && parsed.data.strength !== 'possible')) continue;
    if (parsed.data.strength === 'strong') strong++;
    if (!causes.includes(parsed.data.id)) causes.push(parsed.data.id);
  }
  return { causes, strong };
}

const REMAINDER_TITLES = new Map(Object.values(ERROR_FAMILIES).map((f) => [f.remainder.id, f.remainder.title]));

/** A cause's title from our own rules (the files' titles are not trusted). */
export function causeTitle(id: string): string | undefined {
  return (CAUSE_RULES as Record<string, { title: string } | undefined>)[id]?.title ?? REMAINDER_TITLES.get(id);
}

/** The domain a finding id belongs to (its prefix), or `other`. */
export function domainOf(id: string): string {
  const prefix = id.slice(0, id.indexOf('.'));
  return (DOMAINS as readonly string[]).includes(prefix) ? prefix : 'other';
}

// Loose on purpose: the typed evidence schemas are strict, and a newer file may add keys.
const OsEvidenceSchema = z.object({ policyPlatform: z.string(), osName: z.string(), osVersion: z.string().optional() });
const TeamsEvidenceSchema = z.object({ client: z.string(), name: z.string(), version: z.string().optional() });
const JoinEvidenceSchema = z.object({ deviceName: z.string().optional(), deviceId: z.string().optional() });

/** "Windows 11 Pro 23H2 10.0.22631.4460", "Debian GNU/Linux 12": the name, with the version when the name lacks it. */
export function osVersionLabel(name: string, version: string | undefined): string {
  return version && !name.includes(version) && !/^unknown/.test(version) ? `${name} ${version}` : name;
}

export function readOs(platform: unknown, name: unknown, version: unknown): MachineRecord['os'] {
  const p = safeText(platform, 40);
  const n = safeText(name, 80);
  if (!p || !n) return undefined;
  return { platform: p, version: osVersionLabel(n, safeText(version, 40)) };
}

/** OS, Teams clients and device identity from the findings' evidence. */
export function factsFromEvidence(kept: readonly LenientFinding[]): Pick<MachineFacts, 'os' | 'teams' | 'deviceName' | 'deviceId'> {
  let os: MachineRecord['os'];
  const teams: MachineRecord['teams'] = [];
  let deviceName: string | undefined;
  let deviceId: string | undefined;
  for (const f of kept) {
    if (f.id === 'device.os') {
      const e = OsEvidenceSchema.safeParse(f.evidence);
      if (e.success) os = readOs(e.data.policyPlatform, e.data.osName, e.data.osVersion) ?? os;
    } else if (f.id.startsWith('teams.client-')) {
      const e = TeamsEvidenceSchema.safeParse(f.evidence);
      const client = e.success ? safeText(e.data.client, 24) : undefined;
      if (e.success && client && /^[a-z0-9-]+$/.test(client) && !teams.some((t) => t.client === client)) {
        const version = safeText(e.data.version, 40);
        teams.push({ client, name: safeText(e.data.name, 60) ?? client, ...(version ? { version } : {}) });
      }
    } else if (f.id === 'teams.not-found' && teams.length === 0) {
      teams.push({ client: 'none', name: 'No Teams found' });
    } else if (f.id === 'device.join-state' || f.id === 'device.auth-status') {
      const e = JoinEvidenceSchema.safeParse(f.evidence);
      if (e.success) {
        deviceName ??= e.data.deviceName;
        deviceId ??= e.data.deviceId;
      }
    }
  }
  if (teams.length > 1) {
    const none = teams.findIndex((t) => t.client === 'none');
    if (none >= 0) teams.splice(none, 1);
  }
  return { os, teams, ...(deviceName ? { deviceName } : {}), ...(deviceId ? { deviceId } : {}) };
}

/** What every document gives the same way: its findings, causes and newest error, read leniently. */
export function sharedFacts(kind: MachineFacts['kind'], newer: boolean, raw: { findings: unknown; causes?: unknown; error?: unknown }) {
  const { findings, kept, dropped } = readFindings(raw.findings);
  const { causes, strong } = readCauses(raw.causes);
  const error = readError(raw.error);
  return { kept, facts: { kind, newerSchema: newer, findings, findingsDropped: dropped, causes, strongCauses: strong, ...(error ? { error } : {}) } };
}
