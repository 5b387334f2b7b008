// The fleet's aggregation, on documents that fit our own contracts (DiagnoseDocumentSchema,
// RemediateDocumentSchema, ReportDocumentSchema) read through the same readers the CLI uses:
// the newest file of a machine wins whatever the order, a machine known by its name in one file and
// its id in another is one machine, counts by severity, error codes named from our catalog (never
// from the file), causes' titles from our rules, newer versions read as far as they go.
import { describe, expect, it } from 'vitest';
import { FleetCollector, LIMITS } from '../../../../src/main/fleet/fleet-collector';
import { readDocument } from '../../../../src/main/fleet/read-document';
import { renderFleetText } from '../../../../src/main/fleet/render-fleet-text';
import { DiagnoseDocumentSchema, ReportDocumentSchema } from '../../../../src/shared/contract/documents';
import { RemediateDocumentSchema } from '../../../../src/shared/contract/remediate';
import type { Finding, Severity } from '../../../../src/shared/model';

const finding = (id: string, severity: Severity, evidence: Record<string, unknown> = {}): Finding => ({ id, domain: id.slice(0, id.indexOf('.')) as Finding['domain'], severity, title: `${id} title`, detail: '', evidence, fixes: [] });
const osFinding = (osName: string, osVersion: string, policyPlatform = 'Windows') => finding('device.os', 'info', { policyPlatform, osName, osVersion, source: 'registry' });
const teamsFinding = (client: string, name: string, version?: string) => finding(`teams.client-${client}`, 'info', { client, name, folders: [], running: false, processes: [], bytes: 0, files: 0, ...(version ? { version } : {}) });

const CA_ERROR = {
  codes: [{ family: 'aadsts', code: '53003', display: 'AADSTS53003', name: 'MadeUpByTheFile', known: true }],
  source: { kind: 'pasted' },
  family: 'ca-block',
  leadCode: 'AADSTS53003',
  verdict: 'blocked',
};
const cause = (id: string, strength: 'strong' | 'possible' | 'ruled-out') => ({ id, strength, title: 'A title the file made up', because: [], who: 'it', userActions: [], fixes: [], itActions: [] });

function diagnose(name: string | undefined, at: string, findings: Finding[], extra: Record<string, unknown> = {}) {
  const doc = { schemaVersion: 1, kind: 'diagnose', startedAt: at, finishedAt: at, domains: ['teams', 'device'], findings, causes: [], device: { name: name ?? 'placeholder', platform: 'win32' }, ...extra };
  DiagnoseDocumentSchema.parse(doc);
  if (name === undefined) delete (doc as { device?: unknown }).device;
  return doc;
}

function collect(docs: Array<{ doc: unknown; file: string }>): FleetCollector {
  const c = new FleetCollector();
  for (const { doc, file } of docs) {
    const read = readDocument(doc);
    if (!read.ok) c.skip(read.reason, file);
    else c.add(read.facts, { path: `/fleet/${file}`, display: file, mtimeMs: Date.parse('2026-11-01T00:00:00Z') });
  }
  return c;
}

const NOW = new Date('2026-11-23T08:00:00Z');

describe('fleet collector', () => {
  it('the newest file of a machine wins, whatever order the files come in', () => {
    const old = { doc: diagnose('PC-1', '2026-11-20T08:00:00Z', [finding('teams.log-signin-failure', 'fail'), osFinding('Windows 11 Pro 23H2', '10.0.22631.4460')]), file: 'a.json' };
    const fresh = { doc: diagnose('pc-1', '2026-11-22T08:00:00Z', [finding('teams.logs-clean', 'ok'), osFinding('Windows 11 Pro 24H2', '10.0.26100.2314')]), file: 'b.json' };
    for (const order of [[old, fresh], [fresh, old]]) {
      const s = collect(order).summary(NOW);
      expect(s.machines).toEqual({ total: 1, byWorst: { fail: 0, warn: 0, info: 1, ok: 0 }, withProblems: 0 });
      expect(s.inputs.superseded).toBe(1);
      expect(s.inputs.read).toBe(2);
      expect(s.findings.map((f) => f.id)).toEqual(['device.os', 'teams.logs-clean']);
      expect(s.byOs).toEqual([{ platform: 'Windows', machines: 1, withProblems: 0, versions: [{ version: 'Windows 11 Pro 24H2 10.0.26100.2314', machines: 1, withProblems: 0 }] }]);
    }
  });

  it('a machine named in one file and known by its device id in another is one machine; nameless files are one machine each', () => {
    const id = '5f2e8c1a-3b4d-4e6f-8a9b-0c1d2e3f4a5b';
    const joined = finding('device.join-state', 'ok', { joinState: 'entra-joined', azureAdJoined: true, deviceId: id, deviceName: 'PC-7' });
    const named = diagnose('PC-7', '2026-11-21T08:00:00Z', [joined]);
    const report = {
      schemaVersion: 2,
      generatedAt: '2026-11-22T08:00:00Z',
      app: { name: 'Sign-in Doctor', version: '0.1.0' },
      platform: 'win32',
      redaction: { personal: 'redacted', counts: {}, rules: {} },
      summary: { worst: 'fail', nothingWrong: false, headline: 'h', bySeverity: { fail: 1 } },
      message: 'm',
      messageFacts: { errorCodes: [], network: [], tried: [] },
      device: { platform: 'win32', policyPlatform: 'Windows', osName: 'Windows 11 Pro 23H2', osVersion: '10.0.22631.4460', joinState: 'entra-joined', joinStateLabel: 'Entra joined', deviceId: id },
      causes: [],
      domains: ['device'],
      // The report redacts device names: "[host]" is not a name.
      findings: [finding('device.join-state', 'ok', { joinState: 'entra-joined', deviceName: '[host]' }), finding('device.prt-missing', 'fail', { azureAdPrt: false })],
      history: [],
    };
    ReportDocumentSchema.parse(report);
    const s = collect([
      { doc: named, file: 'PC-7/diagnose.json' },
      { doc: report, file: 'bundle.zip' },
      { doc: diagnose(undefined, '2026-11-21T08:00:00Z', []), file: 'x/one.json' },
      { doc: diagnose(undefined, '2026-11-21T08:00:00Z', []), file: 'x/two.json' },
    ]);
    const summary = s.summary(NOW);
    expect(summary.machines.total).toBe(3);
    expect(summary.inputs.superseded).toBe(1);
    // The report is newer: its findings count, under the name the diagnose gave.
    expect(summary.lookFirst).toEqual([expect.objectContaining({ label: 'PC-7', labelFrom: 'device-name', kind: 'report', worst: 'fail', problems: ['device.prt-missing'] })]);
    expect(s.machines().filter((m) => m.labelFrom === 'file').map((m) => m.label).sort()).toEqual(['x/one.json', 'x/two.json']);
  });

  it('counts each finding id once per machine at its worst, and machines by their worst', () => {
    const s = collect([
      { doc: diagnose('A', '2026-11-21T08:00:00Z', [finding('cac.service', 'warn'), finding('cac.service', 'fail'), finding('clock.skew', 'info')]), file: 'a' },
      { doc: diagnose('B', '2026-11-21T08:00:00Z', [finding('cac.service', 'warn'), finding('clock.skew', 'ok')]), file: 'b' },
      { doc: diagnose('C', '2026-11-21T08:00:00Z', [finding('clock.skew', 'info')]), file: 'c' },
    ]).summary(NOW);
    expect(s.findings).toEqual([
      { id: 'cac.service', domain: 'cac', machines: 2, bySeverity: { fail: 1, warn: 1, info: 0, ok: 0 } },
      { id: 'clock.skew', domain: 'clock', machines: 3, bySeverity: { fail: 0, warn: 0, info: 2, ok: 1 } },
    ]);
    expect(s.machines.byWorst).toEqual({ fail: 1, warn: 1, info: 1, ok: 0 });
    expect(s.lookFirst.map((x) => x.label)).toEqual(['A', 'B']);
  });

  it('names error codes from our catalog and causes from our rules; tallies the cause ranked first', () => {
    const withCause = (name: string, first: string) => diagnose(name, '2026-11-21T08:00:00Z', [finding('teams.log-signin-failure', 'fail')], { error: CA_ERROR, causes: [cause('clock-skew', 'ruled-out'), cause(first, 'strong'), cause('platform', 'possible')] });
    const s = collect([
      { doc: withCause('A', 'device-registration'), file: 'a' },
      { doc: withCause('B', 'device-registration'), file: 'b' },
      { doc: withCause('C', 'ca-not-visible'), file: 'c' },
    ]).summary(NOW);
    expect(s.errorCodes).toEqual([
      {
        display: 'AADSTS53003',
        family: 'aadsts',
        code: '53003',
        name: 'BlockedByConditionalAccess',
        machines: 3,
        causes: [
          { id: 'device-registration', title: 'This device is not registered with your organization', machines: 2 },
          { id: 'ca-not-visible', title: 'The condition that failed is not visible from this computer', machines: 1 },
        ],
      },
    ]);
  });

  it('reads remediate --json: the device, its OS line and problems', () => {
    const doc = {
      schemaVersion: 1,
      kind: 'remediate',
      mode: 'detect',
      generatedAt: '2026-11-22T08:00:00Z',
      app: { name: 'Sign-in Doctor', version: '0.1.0' },
      device: { name: 'MAC-3', platform: 'darwin', os: 'macOS 15.1' },
      context: { kind: 'user', elevated: false, how: 'uid 501' },
      policy: { source: 'default', allow: ['teams.cache-clear'] },
      findings: { total: 9, bySeverity: { fail: 1, info: 8 }, problems: [{ id: 'teams.log-signin-loop', severity: 'fail', title: 'Sign-in loop' }] },
      conditionalAccess: false,
      causes: [],
      fixes: [],
      summary: { problems: 1, planned: 1, verified: 0, failed: 0, skipped: 0 },
      line: 'one line',
      exitCode: 1,
    };
    RemediateDocumentSchema.parse(doc);
    const s = collect([{ doc, file: 'r.json' }]).summary(NOW);
    expect(s.inputs.byKind).toEqual({ diagnose: 0, remediate: 1, report: 0 });
    expect(s.byOs).toEqual([{ platform: 'macOS', machines: 1, withProblems: 1, versions: [{ version: 'macOS 15.1', machines: 1, withProblems: 1 }] }]);
    expect(s.lookFirst[0]).toMatchObject({ label: 'MAC-3', kind: 'remediate', problems: ['teams.log-signin-loop'] });
    expect(s.byTeamsClient).toEqual([{ client: 'unknown', name: 'Not reported', machines: 1, withProblems: 1, versions: [] }]);
  });

  it('a newer schema version is read as far as it goes and flagged; broken shapes and foreign files are told apart', () => {
    const newer = { ...diagnose('N', '2026-11-21T08:00:00Z', [finding('cac.service', 'warn')]), schemaVersion: 7, device: 'moved elsewhere', findings: [finding('cac.service', 'warn'), { ...finding('cac.readers', 'info'), severity: 'severe' }] };
    const c = collect([
      { doc: newer, file: 'newer.json' },
      { doc: { schemaVersion: 1, kind: 'diagnose', findings: {} }, file: 'wrong.json' },
      { doc: { kind: 'diagnose', schemaVersion: 0, findings: [] }, file: 'zero.json' },
      { doc: { kind: 'fleet-summary' }, file: 'summary.json' },
      { doc: 'just a string', file: 'string.json' },
    ]);
    const s = c.summary(NOW);
    expect(s.inputs.newerSchema).toEqual({ files: 1, examples: ['newer.json'], unreadableFindings: 0 });
    expect(s.inputs.findingsDropped).toBe(1);
    expect(s.machines.total).toBe(1);
    expect(s.lookFirst[0]).toMatchObject({ label: 'newer.json', newerSchema: true, problems: ['cac.service'] });
    expect(s.inputs.skipped.byReason.map((r) => [r.reason, r.files, r.examples])).toEqual([
      ['foreign', 2, ['summary.json', 'string.json']],
      ['wrong-shape', 2, ['wrong.json', 'zero.json']],
    ]);
  });

  it('a newer-schema file whose findings cannot be read never replaces a readable one of the machine, in either order', () => {
    const readable = { doc: diagnose('PC-9', '2026-11-20T08:00:00Z', [finding('cac.service', 'fail')]), file: 'old.json' };
    const unreadable = { doc: { ...diagnose('PC-9', '2026-11-22T08:00:00Z', []), schemaVersion: 9, findings: { moved: 'elsewhere' } }, file: 'newer.json' };
    for (const order of [[readable, unreadable], [unreadable, readable]]) {
      const s = collect(order).summary(NOW);
      expect(s.machines.total).toBe(1);
      expect(s.lookFirst).toEqual([expect.objectContaining({ label: 'PC-9', file: 'old.json', worst: 'fail', newerSchema: false })]);
      expect(s.inputs.newerSchema).toEqual({ files: 1, examples: ['newer.json'], unreadableFindings: 1 });
    }
    // Alone, it still counts as its machine (read as far as it goes).
    expect(collect([unreadable]).summary(NOW).machines.total).toBe(1);
    expect(renderFleetText(collect([readable, unreadable]).summary(NOW))).toContain('Of those, 1 file had findings this version cannot read: an older file of the same machine counts instead where there is one.');
  });

  it('a document dated past tomorrow is not believed: the file time stands in, so the corrected file wins', () => {
    const c = new FleetCollector(NOW);
    const future = readDocument(diagnose('PC-5', '2027-06-01T08:00:00Z', [finding('clock.skew', 'fail')]));
    const fixed = readDocument(diagnose('PC-5', '2026-11-22T08:00:00Z', [finding('clock.skew', 'ok')]));
    if (!future.ok || !fixed.ok) throw new Error('fixture');
    c.add(fixed.facts, { path: '/f/fixed.json', display: 'fixed.json', mtimeMs: Date.parse('2026-11-22T08:00:00Z') });
    c.add(future.facts, { path: '/f/future.json', display: 'future.json', mtimeMs: Date.parse('2026-11-10T08:00:00Z') });
    const [machine] = c.machines();
    expect(machine).toMatchObject({ file: 'fixed.json', findings: [{ id: 'clock.skew', severity: 'ok' }] });
    // Within a day of the run, the stated time stands (a clock a little ahead is not wrong enough).
    const soon = new FleetCollector(NOW);
    soon.add(fixed.facts, { path: '/f/fixed.json', display: 'fixed.json', mtimeMs: 0 });
    const ahead = readDocument(diagnose('PC-5', '2026-11-24T07:00:00Z', [finding('clock.skew', 'warn')]));
    if (!ahead.ok) throw new Error('fixture');
    soon.add(ahead.facts, { path: '/f/ahead.json', display: 'ahead.json', mtimeMs: 0 });
    expect(soon.machines()[0]).toMatchObject({ file: 'ahead.json', at: '2026-11-24T07:00:00.000Z' });
  });

  it('a newer remediate file keeps the OS and Teams client an older diagnose file of the machine gave', () => {
    const older = diagnose('PC-3', '2026-11-20T08:00:00Z', [osFinding('Windows 11 Pro 23H2', '10.0.22631.4460'), teamsFinding('new', 'New Teams', '25290.205')]);
    const remediate = (at: string) => ({ schemaVersion: 1, kind: 'remediate', generatedAt: at, device: { name: 'PC-3', platform: 'win32', os: 'Windows 11' }, findings: { problems: [{ id: 'teams.log-signin-loop', severity: 'fail', title: 'Sign-in loop' }] } });
    for (const order of [
      [older, remediate('2026-11-22T08:00:00Z'), remediate('2026-11-23T07:00:00Z')],
      [remediate('2026-11-23T07:00:00Z'), older, remediate('2026-11-22T08:00:00Z')],
    ]) {
      const s = collect(order.map((doc, i) => ({ doc, file: `${i}.json` }))).summary(NOW);
      expect(s.machines.total).toBe(1);
      expect(s.lookFirst[0]).toMatchObject({ kind: 'remediate', at: '2026-11-23T07:00:00.000Z', problems: ['teams.log-signin-loop'] });
      expect(s.byOs).toEqual([{ platform: 'Windows', machines: 1, withProblems: 1, versions: [{ version: 'Windows 11 Pro 23H2 10.0.22631.4460', machines: 1, withProblems: 1 }] }]);
      expect(s.byTeamsClient).toEqual([{ client: 'new', name: 'New Teams', machines: 1, withProblems: 1, versions: [{ version: '25290.205', machines: 1 }] }]);
    }
  });

  it('long lists are capped and the rest counted (a hostile fleet cannot make the page huge)', () => {
    const docs = Array.from({ length: LIMITS.versions + 5 }, (_, i) => ({ doc: diagnose(`PC-${i}`, '2026-11-21T08:00:00Z', [osFinding('Windows 11 Pro', `10.0.22631.${i}`), teamsFinding('new', 'New Teams', `25${i}`)]), file: `${i}` }));
    const s = collect(docs).summary(NOW);
    const versions = s.byOs[0]!.versions;
    expect(versions).toHaveLength(LIMITS.versions + 1);
    expect(versions.at(-1)).toEqual({ version: 'Other versions (5)', machines: 5, withProblems: 0 });
    expect(s.byTeamsClient[0]!.versions).toHaveLength(LIMITS.teamsVersions + 1);
    expect(s.byTeamsClient[0]!.versions.at(-1)).toEqual({ version: `Other versions (${LIMITS.versions + 5 - LIMITS.teamsVersions})`, machines: LIMITS.versions + 5 - LIMITS.teamsVersions });
  });
});
