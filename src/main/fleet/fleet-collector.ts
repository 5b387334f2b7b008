// Gathers the fleet one file at a time: a compact record per machine (the newest file of each wins),
// counts of what was skipped and why, and at the end the summary. Memory grows with the number of
// machines (a record of ids and short texts each), never with the size of the files.
import { FLEET_SCHEMA_VERSION, type FleetSkipReason, type FleetSummary, type SeverityCounts } from '../../shared/contract/fleet';
import { SEVERITY_ORDER, worstSeverity, type Severity } from '../../shared/model';
import { causeTitle, domainOf, type MachineFacts, type MachineRecord } from './machine-record';
import { safeText } from './safe-text';

/** How long the lists of the summary get; the rest is counted, not listed (a hostile fleet cannot make the page huge). */
export const LIMITS = { findings: 500, errorCodes: 50, causesPerCode: 5, versions: 20, teamsVersions: 10, lookFirst: 50, problemsPerMachine: 10, examples: 3 } as const;

export const SKIP_MEANINGS: Record<FleetSkipReason, string> = {
  'too-large': 'larger than a machine file can be: not read',
  binary: 'binary, not JSON',
  'broken-json': 'not valid JSON (cut short, damaged or empty)',
  'wrong-shape': 'one of our documents, but its fields do not fit',
  foreign: 'JSON, but not a diagnose, remediate or report document',
  'bad-zip': 'a zip without a readable report.json',
  unreadable: 'could not be read (permissions, removed, a broken link)',
  'special-file': 'not a regular file (a pipe, socket or device): not opened',
  'link-loop': 'a link back into a folder already read',
  'link-outside': 'a link to somewhere outside the folder given: not followed',
  'seen-already': 'the same file reached again through a link',
  'too-deep': 'folders nested too deep: not walked',
};

const MARKED = /\[(removed: [a-z ]+|email|ip|home|user|host)\]/;
const DEVICE_ID = /^[0-9A-Za-z][0-9A-Za-z-]{7,63}$/;

export interface FileRef {
  path: string;
  display: string;
  mtimeMs: number;
}

interface Entry {
  record: MachineRecord;
  aliases: string[];
  /** The newest diagnose or report file's OS and Teams clients: a remediate file does not list them. */
  details?: Pick<MachineRecord, 'atMs' | 'os' | 'teams'>;
}

/** A document dated later than this after the run is not believed (the machine's clock is wrong). */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** Whether `a` replaces `b` as a machine's file: a readable file beats an unreadable newer one, then the newer wins. */
function replaces(a: MachineRecord, b: MachineRecord): boolean {
  if (!a.findingsUnreadable !== !b.findingsUnreadable) return !a.findingsUnreadable;
  return a.atMs >= b.atMs;
}

const zero = (): SeverityCounts => ({ fail: 0, warn: 0, info: 0, ok: 0 });
const worstOf = (r: MachineRecord): Severity => worstSeverity(r.findings);
const hasProblem = (r: MachineRecord) => SEVERITY_ORDER[worstOf(r)] >= SEVERITY_ORDER.warn;
const countOf = (r: MachineRecord, s: Severity) => r.findings.filter((f) => f.severity === s).length;

/** Worst first: the worst severity, then the most failures, warnings and strong causes, then the newest. */
export function compareMachines(a: MachineRecord, b: MachineRecord): number {
  return (
    SEVERITY_ORDER[worstOf(b)] - SEVERITY_ORDER[worstOf(a)] ||
    countOf(b, 'fail') - countOf(a, 'fail') ||
    countOf(b, 'warn') - countOf(a, 'warn') ||
    b.strongCauses - a.strongCauses ||
    b.atMs - a.atMs ||
    a.label.localeCompare(b.label)
  );
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function topOf<K>(map: Map<K, number>, n: number): Array<[K, number]> {
  return [...map].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).slice(0, n);
}

/** Who a file says it is: its device name and id (names a report redacted do not count), else the file itself. */
export function identityOf(facts: MachineFacts, file: FileRef): Pick<MachineRecord, 'key' | 'label' | 'labelFrom'> & { aliases: string[] } {
  const rawName = safeText(facts.deviceName, 64);
  const name = rawName && !MARKED.test(rawName) ? rawName : undefined;
  const id = facts.deviceId && DEVICE_ID.test(facts.deviceId) ? facts.deviceId.toLowerCase() : undefined;
  const aliases = [...(name ? [`name:${name.toLowerCase()}`] : []), ...(id ? [`id:${id}`] : [])];
  if (aliases.length === 0) aliases.push(`file:${file.path}`);
  const label = name ?? id ?? safeText(file.display, 120) ?? 'unnamed file';
  return { key: aliases[0]!, label, labelFrom: name ? 'device-name' : id ? 'device-id' : 'file', aliases };
}

export class FleetCollector {
  private readonly entries = new Map<string, Entry>();
  private readonly alias = new Map<string, string>();
  private read = 0;
  private readonly byKind = { diagnose: 0, remediate: 0, report: 0 };
  private superseded = 0;
  private ignored = 0;
  private readonly skipped = new Map<FleetSkipReason, { files: number; examples: string[] }>();
  private readonly newer = { files: 0, examples: [] as string[] };
  private findingsDropped = 0;
  private unreadableFindings = 0;

  /** `now`: the run's time, against which a document's stated time is checked. */
  constructor(private readonly now: Date = new Date()) {}

  ignore(): void {
    this.ignored++;
  }

  skip(reason: FleetSkipReason, display: string): void {
    const s = this.skipped.get(reason) ?? { files: 0, examples: [] };
    s.files++;
    const name = safeText(display, 120);
    if (name && s.examples.length < LIMITS.examples) s.examples.push(name);
    this.skipped.set(reason, s);
  }

  add(facts: MachineFacts, file: FileRef): void {
    this.read++;
    this.byKind[facts.kind]++;
    this.findingsDropped += facts.findingsDropped;
    if (facts.newerSchema) {
      this.newer.files++;
      const name = safeText(file.display, 120);
      if (name && this.newer.examples.length < LIMITS.examples) this.newer.examples.push(name);
      if (facts.findingsUnreadable) this.unreadableFindings++;
    }
    // The machine's own clock: a time past tomorrow is wrong, so the file's time stands in for it.
    const stated = facts.at ? Date.parse(facts.at) : NaN;
    const atMs = Number.isFinite(stated) && stated <= this.now.getTime() + FUTURE_SLACK_MS ? stated : file.mtimeMs;
    const { aliases, ...identity } = identityOf(facts, file);
    const { findingsDropped: _dropped, deviceName: _name, deviceId: _id, at: _at, ...kept } = facts;
    const record: MachineRecord = { ...kept, ...identity, file: safeText(file.display, 200) ?? 'unnamed file', at: new Date(atMs).toISOString(), atMs };

    // The same machine may be known by its name in one file and its id in another: one entry.
    const canon = [...new Set(aliases.map((a) => this.alias.get(a)).filter((k): k is string => k !== undefined))];
    const rivals = canon.map((k) => this.entries.get(k)!);
    let winner: Entry = { record, aliases, ...(record.kind !== 'remediate' && !record.findingsUnreadable ? { details: { atMs, os: record.os, teams: record.teams } } : {}) };
    for (const r of rivals) {
      this.superseded++;
      const details = [winner.details, r.details].filter((d) => d !== undefined).sort((a, b) => b.atMs - a.atMs)[0];
      // On the same time the file read later wins (name order: deterministic).
      if (replaces(winner.record, r.record)) winner = { record: winner.record, aliases: [...winner.aliases, ...r.aliases], ...(details ? { details } : {}) };
      else winner = { record: r.record, aliases: [...r.aliases, ...winner.aliases], ...(details ? { details } : {}) };
    }
    if (winner.record.kind === 'remediate' && winner.details) winner.record = { ...winner.record, os: winner.details.os ?? winner.record.os, teams: winner.details.teams };
    for (const k of canon) this.entries.delete(k);
    winner.aliases = [...new Set([...winner.aliases, ...aliases])];
    // A report names the machine only by its id (it redacts names): keep the name another file gave.
    const named = [record, ...rivals.map((r) => r.record)].find((r) => r.labelFrom === 'device-name');
    if (winner.record.labelFrom !== 'device-name' && named) winner.record = { ...winner.record, label: named.label, labelFrom: 'device-name' };
    const key = winner.record.key;
    this.entries.set(key, winner);
    for (const a of winner.aliases) this.alias.set(a, key);
  }

  /** Every machine, worst first. */
  machines(): MachineRecord[] {
    return [...this.entries.values()].map((e) => e.record).sort(compareMachines);
  }

  summary(now: Date): FleetSummary {
    const machines = this.machines();
    const byWorst = zero();
    const findings = new Map<string, { machines: number; bySeverity: SeverityCounts }>();
    const codes = new Map<string, { family: string; code: string; name?: string; machines: number; causes: Map<string, number> }>();
    const os = new Map<string, { machines: number; withProblems: number; versions: Map<string, number>; versionProblems: Map<string, number> }>();
    const teams = new Map<string, { name: string; machines: number; withProblems: number; versions: Map<string, number> }>();
    let withProblems = 0;
    for (const m of machines) {
      const problem = hasProblem(m);
      byWorst[worstOf(m)]++;
      if (problem) withProblems++;
      for (const f of m.findings) {
        const e = findings.get(f.id) ?? { machines: 0, bySeverity: zero() };
        e.machines++;
        e.bySeverity[f.severity]++;
        findings.set(f.id, e);
      }
      if (m.error) {
        const c = codes.get(m.error.display) ?? { family: m.error.family, code: m.error.code, ...(m.error.name ? { name: m.error.name } : {}), machines: 0, causes: new Map() };
        c.machines++;
        if (m.causes[0]) bump(c.causes, m.causes[0]);
        codes.set(m.error.display, c);
      }
      const platform = m.os?.platform ?? 'Not reported';
      const o = os.get(platform) ?? { machines: 0, withProblems: 0, versions: new Map(), versionProblems: new Map() };
      o.machines++;
      if (problem) o.withProblems++;
      const version = m.os?.version ?? 'Not reported';
      bump(o.versions, version);
      if (problem) bump(o.versionProblems, version);
      os.set(platform, o);
      const clients = m.teams.length ? m.teams : [{ client: 'unknown', name: 'Not reported' }];
      for (const t of clients) {
        const e = teams.get(t.client) ?? { name: t.name, machines: 0, withProblems: 0, versions: new Map() };
        e.machines++;
        if (problem) e.withProblems++;
        if ('version' in t && t.version) bump(e.versions, t.version);
        teams.set(t.client, e);
      }
    }

    const capVersions = (versions: Map<string, number>, n: number) => {
      const top = topOf(versions, n);
      const rest = [...versions.values()].reduce((a, b) => a + b, 0) - top.reduce((a, [, v]) => a + v, 0);
      return { top, rest };
    };

    return {
      schemaVersion: FLEET_SCHEMA_VERSION,
      kind: 'fleet-summary',
      generatedAt: now.toISOString(),
      inputs: {
        read: this.read,
        byKind: { ...this.byKind },
        superseded: this.superseded,
        ignored: this.ignored,
        skipped: {
          total: [...this.skipped.values()].reduce((a, s) => a + s.files, 0),
          byReason: [...this.skipped].sort((a, b) => b[1].files - a[1].files || a[0].localeCompare(b[0])).map(([reason, s]) => ({ reason, files: s.files, meaning: SKIP_MEANINGS[reason], examples: [...s.examples] })),
        },
        newerSchema: { files: this.newer.files, examples: [...this.newer.examples], unreadableFindings: this.unreadableFindings },
        findingsDropped: this.findingsDropped,
      },
      machines: { total: machines.length, byWorst, withProblems },
      findings: [...findings]
        .sort((a, b) => b[1].bySeverity.fail - a[1].bySeverity.fail || b[1].bySeverity.warn - a[1].bySeverity.warn || b[1].machines - a[1].machines || a[0].localeCompare(b[0]))
        .slice(0, LIMITS.findings)
        .map(([id, e]) => ({ id, domain: domainOf(id), machines: e.machines, bySeverity: e.bySeverity })),
      errorCodes: [...codes]
        .sort((a, b) => b[1].machines - a[1].machines || a[0].localeCompare(b[0]))
        .slice(0, LIMITS.errorCodes)
        .map(([display, c]) => ({
          display,
          family: c.family,
          code: c.code,
          ...(c.name ? { name: c.name } : {}),
          machines: c.machines,
          causes: topOf(c.causes, LIMITS.causesPerCode).map(([id, n]) => {
            const title = causeTitle(id);
            return { id, ...(title ? { title } : {}), machines: n };
          }),
        })),
      byOs: [...os]
        .sort((a, b) => b[1].machines - a[1].machines || a[0].localeCompare(b[0]))
        .map(([platform, o]) => {
          const { top, rest } = capVersions(o.versions, LIMITS.versions);
          const shown = new Set(top.map(([v]) => v));
          const restProblems = [...o.versionProblems].filter(([v]) => !shown.has(v)).reduce((a, [, n]) => a + n, 0);
          return {
            platform,
            machines: o.machines,
            withProblems: o.withProblems,
            versions: [
              ...top.map(([version, n]) => ({ version, machines: n, withProblems: o.versionProblems.get(version) ?? 0 })),
              ...(rest ? [{ version: `Other versions (${o.versions.size - top.length})`, machines: rest, withProblems: restProblems }] : []),
            ],
          };
        }),
      byTeamsClient: [...teams]
        .sort((a, b) => b[1].machines - a[1].machines || a[0].localeCompare(b[0]))
        .map(([client, t]) => {
          const { top, rest } = capVersions(t.versions, LIMITS.teamsVersions);
          return {
            client,
            name: t.name,
            machines: t.machines,
            withProblems: t.withProblems,
            versions: [...top.map(([version, n]) => ({ version, machines: n })), ...(rest ? [{ version: `Other versions (${t.versions.size - top.length})`, machines: rest }] : [])],
          };
        }),
      lookFirst: machines
        .filter(hasProblem)
        .slice(0, LIMITS.lookFirst)
        .map((m) => ({
          label: m.label,
          labelFrom: m.labelFrom,
          file: m.file,
          kind: m.kind,
          at: m.at,
          worst: worstOf(m),
          fails: countOf(m, 'fail'),
          warns: countOf(m, 'warn'),
          problems: [...m.findings]
            .filter((f) => SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER.warn)
            .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.id.localeCompare(b.id))
            .slice(0, LIMITS.problemsPerMachine)
            .map((f) => f.id),
          ...(m.error ? { errorCode: m.error.display } : {}),
          ...(m.causes[0] ? { topCause: m.causes[0] } : {}),
          newerSchema: m.newerSchema,
        })),
    };
  }
}
