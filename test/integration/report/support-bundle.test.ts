// The support bundle end to end through the real service: planted secrets and personal data in a
// Teams log tree under a temp HOME, in device evidence (dsregcmd faked at exec, the one boundary),
// in the journal (a real repair whose paths sit under HOME), in finding evidence and in pasted
// text. The zip is read back with yauzl and every byte of every file is scanned.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, zipBundle } from '../../../src/main/report/bundle';
import { collectReport } from '../../../src/main/report/collect-report';
import { redactionOptions } from '../../../src/main/report/handlers';
import { createEngineContext } from '../../../src/main/engine-context';
import { evidenceValidation } from '../../../src/main/engine/check-runner';
import type { CheckDefinition } from '../../../src/main/engine/types';
import type { Exec, ExecResult } from '../../../src/main/os/exec';
import { createService } from '../../../src/main/service';
import { tempDir } from '../../support/browser';
import { runCliInProcess } from '../../support/cli';
import { unzipAll } from '../../support/unzip';
import { previewAndApply } from '../../support/apply-fix';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/device', name), 'utf8');
const ok = (stdout: string): ExecResult => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });
const NOW = new Date('2026-11-23T07:00:00Z');

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const JWT = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'plantedkid' })}.${b64({ aud: 'https://graph.microsoft.com', upn: 'planted.user@contoso-secret.com', exp: 1795000000 })}.UGxhbnRlZFNpZ25hdHVyZVBhcnQ`;
const OPAQUE_BEARER = 'EwB4A8l6BAAUPlantedOpaqueAccessToken0123456789abcdefXYZ';
const REFRESH = '0.AXoAPlantedRefreshTokenQpNfD1x2mG7XzQ.AgABAAEAAAD--PlantedRT_wUA9P';
const PASSWORD = 'Pl4nted!Passw0rd';
const KEYCHAIN = 'Pl4ntedKeychainSecret';
const EMAIL = 'planted.user@contoso-secret.com';
const IP = '198.51.100.77';
const DEVICE = 'PLANTED-HOST-9Q';
const USER = 'plantuser';

function plantedMachine() {
  const root = tempDir('report-planted');
  const home = join(root, 'home', USER);
  const appData = join(home, 'AppData', 'Roaming');
  const localAppData = join(home, 'AppData', 'Local');
  // Teams logs (classic and new) with a sign-in failure full of secrets.
  const classic = join(appData, 'Microsoft', 'Teams');
  mkdirSync(classic, { recursive: true });
  writeFileSync(
    join(classic, 'logs.txt'),
    [
      `Mon Nov 23 2026 06:58:01 GMT+0000 <1234> -- info -- auth: acquireToken for ${EMAIL} from ${IP}`,
      `Mon Nov 23 2026 06:58:02 GMT+0000 <1234> -- error -- auth: AADSTS53003 Authorization: Bearer ${OPAQUE_BEARER}`,
      `Mon Nov 23 2026 06:58:02 GMT+0000 <1234> -- error -- refresh_token=${REFRESH} id_token=${JWT}`,
      `Mon Nov 23 2026 06:58:03 GMT+0000 <1234> -- warn -- profile ${home}\\AppData\\Roaming\\Microsoft\\Teams password=${PASSWORD}`,
    ].join('\n'),
  );
  const newTeams = join(localAppData, 'Packages', 'MSTeams_8wekyb3d8bbwe', 'LocalCache', 'Microsoft', 'MSTeams', 'Logs');
  mkdirSync(newTeams, { recursive: true });
  writeFileSync(join(newTeams, 'MSTeams_2026-11-23_06-58-00.00.log'), `2026-11-23T06:58:04.000Z Err AADSTS53003 user=${EMAIL} token=${JWT}\n`);
  const env = { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'win32', HOME: home, USERPROFILE: home, APPDATA: appData, LOCALAPPDATA: localAppData, USERNAME: USER, USER, COMPUTERNAME: DEVICE };
  const dsreg = fixture('dsregcmd-failed-auth.txt').replace('LAPTOP-DISABLED01', DEVICE).replace(/dave@fabrikam\.com/g, EMAIL);
  const exec: Exec = async (file) => (file === 'C:\\Windows\\System32\\dsregcmd.exe' ? ok(dsreg) : file === 'C:\\Windows\\System32\\reg.exe' ? ok(fixture('reg-currentversion.txt')) : { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
  return { root, home, env, exec, stateDir: join(appData, 'Sign-in Doctor') };
}

const PASTED = `Sorry, but we're having trouble signing you in.
AADSTS53003: Access has been blocked by Conditional Access policies.
Request Id: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03
Correlation Id: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d
Timestamp: 2026-11-23T06:58:02Z
App name: Microsoft Teams
IP address: ${IP}
User: ${EMAIL}
Authorization: Bearer ${JWT}
password: ${PASSWORD}`;

const plantedEvidence = {
  lines: [`auth failed for ${EMAIL}: Bearer ${OPAQUE_BEARER}`, `refresh_token=${REFRESH}`],
  userName: USER,
  accessToken: JWT,
  keychainData: KEYCHAIN,
  note: `keychain item dump:\npassword: 0x506C616E74  "${KEYCHAIN}"`,
  ipAddress: IP,
};

/**
 * Findings whose evidence carries everything that must not leave: one from the Teams logs (its
 * free text does not travel at all: the bundle keeps only log facts) and one of another kind
 * (redacted field by field).
 */
// The planted findings have made-up ids: the check runner keeps them as production does (under
// vitest it would fail the run on a finding without an evidence schema), so the bundle's redaction
// of evidence it cannot know is what is tested.
beforeAll(() => {
  evidenceValidation.strict = false;
});
afterAll(() => {
  evidenceValidation.strict = true;
});

const plantedCheck: CheckDefinition = {
  id: 'teams.log-scan',
  domain: 'teams',
  title: 'Teams logs',
  run: async () => [
    { id: 'teams.log-signin-failures', domain: 'teams', severity: 'warn', title: 'Teams logged sign-in failures', detail: `Seen for ${EMAIL} on ${DEVICE}`, evidence: plantedEvidence, fixes: [] },
    { id: 'teams.planted-evidence', domain: 'teams', severity: 'info', title: 'Evidence full of secrets', detail: `Seen for ${EMAIL} on ${DEVICE}`, evidence: plantedEvidence, fixes: [] },
  ],
};

function scan(files: Map<string, Buffer>, zip: Buffer, forbidden: string[]): string[] {
  const hits: string[] = [];
  for (const [name, content] of [...files.entries(), ['<zip bytes>', zip] as const]) {
    const text = content.toString('latin1').toLowerCase();
    for (const secret of forbidden) if (text.includes(secret.toLowerCase())) hits.push(`${name}: ${secret}`);
    if (name !== '<zip bytes>') for (const secret of forbidden) if (name.toLowerCase().includes(secret.toLowerCase())) hits.push(`file name ${name}: ${secret}`);
  }
  return hits;
}

const SECRETS = [JWT, JWT.split('.')[0]!, JWT.split('.')[1]!, JWT.split('.')[2]!, OPAQUE_BEARER, REFRESH, REFRESH.slice(0, 30), PASSWORD, KEYCHAIN];
const PERSONAL = [EMAIL, 'contoso-secret', IP, DEVICE, USER];

describe('support bundle with planted secrets', () => {
  it('contains none of them, in any byte of any file', async () => {
    const m = plantedMachine();
    const ctx = createEngineContext({ env: m.env, stateDir: m.stateDir, exec: m.exec, now: () => NOW });
    const service = createService(ctx);
    // A real repair in the journal: its plan names a path under the planted HOME.
    const applied = await previewAndApply(service, 'explain.save-note', { text: PASTED });
    expect(applied.ok).toBe(true);

    const data = await collectReport({ ...service.deps, checks: async (d) => [...(await service.deps.checks(d)), plantedCheck] }, { pastedText: PASTED });
    expect(data.runs).toHaveLength(1);
    expect(JSON.stringify(data)).toContain(m.home); // the raw data really holds it...
    const bundle = buildBundle(data, redactionOptions(ctx, false));
    const zip = await zipBundle(bundle.files, NOW);
    const files = await unzipAll(zip);
    expect([...files.keys()]).toEqual(['message-for-it.txt', 'report.json', 'report.html', 'fix-history.json', 'logs/teams-sign-in.txt']);

    expect(scan(files, zip, [...SECRETS, ...PERSONAL, m.home, m.root])).toEqual([]); // ...the bundle does not

    // What IT needs is still there.
    const message = files.get('message-for-it.txt')!.toString('utf8');
    expect(message).toContain('AADSTS53003');
    expect(message).toContain('Correlation ID: e2a4c6b8-1d3f-4a5b-9c7d-0e1f2a3b4c5d');
    expect(message).toContain('Request ID: 8d3f1a52-7c4e-4b9a-a1d6-2f5e8c7b9a03');
    expect(message).toContain('Microsoft Entra joined');
    expect(message).toMatch(/Explain: save the message for IT|save-note/i);
    const report = JSON.parse(files.get('report.json')!.toString('utf8'));
    expect(report.findings.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(['device.auth-status', 'device.prt-missing', 'device.last-error', 'teams.log-signin-failures']));
    expect(report.redaction.counts.token).toBeGreaterThan(0);
    // The Teams log file holds the facts of the planted failure lines (time, code, client, file, line), not the lines.
    const log = files.get('logs/teams-sign-in.txt')!.toString('utf8');
    expect(log).toContain('2026-11-23T06:58:04.000Z  AADSTS53003 BlockedByConditionalAccess');
    expect(log).toMatch(/new Teams, \[home\][\\/]AppData[\\/]Local[\\/].*MSTeams_2026-11-23_06-58-00\.00\.log, line 1/);
    expect(log).not.toMatch(/auth failed|acquireToken|Bearer|refresh_token|password/);
    const planted = report.findings.find((f: { id: string }) => f.id === 'teams.planted-evidence');
    expect(planted.evidence.lines[0]).toBe('auth failed for [email]: Bearer [removed: token]');
    expect(report.findings.find((f: { id: string }) => f.id === 'teams.log-signin-failures').evidence).toEqual({});
    await service.close();
  });

  it('with --include-personal, personal data stays but secrets still never appear (CLI, real journal)', async () => {
    const m = plantedMachine();
    const out = join(m.root, 'bundle.zip');
    const errorFile = join(m.root, 'error.txt');
    writeFileSync(errorFile, PASTED);
    const r = await runCliInProcess(['report', '--out', out, '--include-personal', '--error', errorFile, '--only', 'teams,device', '--json'], { env: { ...m.env, SIGNIN_DOCTOR_PLATFORM: 'linux', SIGNIN_DOCTOR_STATE_DIR: m.stateDir } });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ saved: true, path: out });
    const zip = await readFile(out);
    const files = await unzipAll(zip);
    expect(scan(files, zip, SECRETS)).toEqual([]);
    expect(files.get('message-for-it.txt')!.toString('utf8')).toContain(IP); // personal data kept on request
    // An existing file is never overwritten.
    const again = await runCliInProcess(['report', '--out', out, '--json'], { env: { ...m.env, SIGNIN_DOCTOR_PLATFORM: 'linux', SIGNIN_DOCTOR_STATE_DIR: m.stateDir } });
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout).error.message).toMatch(/already exists/);
    expect((await readFile(out)).equals(zip)).toBe(true);
  });

  it('the report for a machine with nothing wrong says so', async () => {
    const root = tempDir('report-healthy');
    const exec: Exec = async (file) => (file === 'C:\\Windows\\System32\\dsregcmd.exe' ? ok(fixture('dsregcmd-joined.txt')) : file === 'C:\\Windows\\System32\\reg.exe' ? ok(fixture('reg-currentversion.txt')) : { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' });
    const service = createService(createEngineContext({ env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'win32', HOME: root, USERPROFILE: root }, stateDir: join(root, 'state'), exec, now: () => NOW }));
    const preview = await service.invoke('report.preview', { only: ['device'] });
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.value.worst).not.toMatch(/warn|fail/);
    expect(preview.value.message).toContain('Sign-in Doctor found nothing wrong on this device.');
    const html = preview.value.files.find((f) => f.name === 'report.html')!;
    expect(html.excerpt + '').toBeTruthy();
    const out = join(root, 'healthy.zip');
    const saved = await service.invoke('report.write-bundle', { previewId: preview.value.previewId, path: out });
    expect(saved.ok && saved.value.saved).toBe(true);
    const files = await unzipAll(await readFile(out));
    expect(JSON.parse(files.get('report.json')!.toString('utf8')).summary).toMatchObject({ nothingWrong: true });
    expect(files.get('report.html')!.toString('utf8')).toContain('found nothing wrong on this machine');
    // Exactly what was previewed was saved.
    for (const f of preview.value.files) expect(files.get(f.name)!.length).toBe(f.bytes);
    await service.close();
  });
});
