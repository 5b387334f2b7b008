// The cac domain on the real PC/SC stack: pcscd + vsmartcard-vpcd + our virtual PIV card over TCP.
// One file holds every pcscd-using integration test (one pcscd per machine; files run in sequence).
// Every wait is on an event: the supervisor's, pcscd's change notification, a line the watching CLI
// printed. No deadline of its own: the test's timeout is the only one.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacEvent } from '../../../src/shared/contract/cac';
import { readCardOutcome } from '../../../src/main/cac/card-service';
import { cacChecks } from '../../../src/main/cac/cac-checks';
import { DEFAULT_LIMITS } from '../../../src/main/cac/piv-reader';
import { PcscSupervisor } from '../../../src/main/cac/pcsc-supervisor';
import { smartcardPort } from '../../../src/main/cac/smartcard-binding';
import { createEngineContext } from '../../../src/main/engine-context';
import { tempDir } from '../../support/browser';
import { LineLog, runBuiltCli, runCliInProcess, watchBuiltCli } from '../../support/cli';
import { startPcscd, type Pcscd } from '../../support/pcscd';
import { VPCD_READER, VirtualPivCard, buildObjects, createTestPki, type TestPki } from '../../support/virtual-piv-card';

const run = promisify(execFile);

function ctxWith(env: NodeJS.ProcessEnv = {}) {
  return createEngineContext({ env: { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux', ...env }, stateDir: join(tempDir('cac-int'), 'state') });
}

function collector(sup: PcscSupervisor) {
  const events: CacEvent[] = [];
  const waiting = new Set<{ pred: (e: CacEvent) => boolean; resolve(e: CacEvent): void }>();
  sup.on((e) => {
    events.push(e);
    for (const w of waiting) {
      if (w.pred(e)) {
        waiting.delete(w);
        w.resolve(e);
      }
    }
  });
  return {
    events,
    /** The first matching event, already seen or still to come. */
    waitFor(pred: (e: CacEvent) => boolean): Promise<CacEvent> {
      const found = events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiting.add({ pred, resolve }));
    },
  };
}

/** Until the vpcd reader has (or has not) a card, woken by pcscd's own change notifications. */
async function waitCardState(present: boolean): Promise<void> {
  const s = await smartcardPort.open();
  try {
    for (;;) {
      const readers = await s.listReaders();
      const r = readers.find((x) => x.name === VPCD_READER);
      if (r && r.cardPresent === present) return;
      // Returns at pcscd's next change; the 5 s only makes it look again, it is no deadline.
      if (readers.length) await s.waitForChange(readers, 5_000);
      else await new Promise((res) => setTimeout(res, 100));
    }
  } finally {
    s.close();
  }
}

const isLine = (type: string) => (line: string) => line.startsWith(`{"type":"${type}"`);

describe('cac on pcscd + vpcd + virtual PIV card', () => {
  let pcscd: Pcscd;
  let pki: TestPki;
  let caFile: string;

  beforeAll(async () => {
    pcscd = await startPcscd();
    pki = await createTestPki();
    caFile = join(tempDir('cac-ca'), 'bundle.pem');
    writeFileSync(caFile, pki.ca.toString('pem'));
  });
  afterAll(async () => {
    await pcscd?.release();
  });

  it('sees insert and remove as events, and reads the whole card', async () => {
    const sup = new PcscSupervisor(smartcardPort);
    const c = collector(sup);
    await sup.start();
    expect(sup.service).toBe('running');
    expect(sup.snapshot().map((r) => r.name)).toContain(VPCD_READER);
    const card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    const ins = await c.waitFor((e) => e.type === 'card-inserted' && e.reader === VPCD_READER);
    expect(ins.atr).toBe('3BF81300008131FE15597562696B657934D4');

    const out = await readCardOutcome(smartcardPort, ctxWith({ SSL_CERT_FILE: caFile }), { reader: VPCD_READER });
    if (!out.ok) throw new Error(JSON.stringify(out.failure));
    const read = out.card;
    expect(read.kind).toBe('piv');
    expect(read.chuid?.expiry).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(read.chuid?.expired).toBe(false);
    const bySlot = Object.fromEntries(read.slots.map((s) => [s.slot, s]));
    expect(bySlot['9e']?.status).toBe('empty');
    for (const slot of ['9a', '9c', '9d'] as const) {
      const cert = bySlot[slot]?.certificate;
      expect(cert?.sha1).toBe(Buffer.from(await crypto.subtle.digest('SHA-1', pki.certs[slot]!.rawData)).toString('hex').toUpperCase());
      expect(cert?.edipi).toBe('1234567890');
      expect(cert?.chain.trusted).toBe(true); // the test CA is in SSL_CERT_FILE
      expect(cert?.chain.dodRoot).toBeUndefined();
    }
    expect(bySlot['9d']?.certificate?.compressed).toBe(true);
    expect(bySlot['9a']?.certificate?.keyType).toBe('RSA 2048');
    const ids = read.findings.map((f) => f.id);
    expect(ids).toContain('cac.cert-expired-9c');
    expect(ids).toContain('cac.cert-expiring-9d');
    expect(ids).toContain('cac.chain-not-dod-9a');
    // SELECT + CHUID + Discovery + 4 GET DATA, plus the GET RESPONSE rounds the objects need.
    expect(read.apduCount).toBe(card.apdus);
    expect(read.apduCount).toBeLessThan(20);

    await card.remove();
    await c.waitFor((e) => e.type === 'card-removed' && e.reader === VPCD_READER);
    await sup.stop();
  });

  it('a card removed in the middle of a read is "card removed", never a half-read certificate', async () => {
    const card = new VirtualPivCard(buildObjects(pki), { disconnectOnObject: '5FC10A' });
    await card.insert();
    await waitCardState(true);
    const out = await readCardOutcome(smartcardPort, ctxWith(), { reader: VPCD_READER });
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.failure.code).toBe('card-removed');
      expect(out.failure.advice.join(' ')).toMatch(/Insert it again/i);
    }
    await card.remove();
    await waitCardState(false);
  });

  it('hostile cards get a clear error after a bounded exchange, not at a deadline', async () => {
    // The reader's caps, not its clock, stop them: SELECT, one GET DATA, then at most as many
    // GET RESPONSE rounds as the object cap allows (piv-reader.ts). A read stopped by its total
    // deadline would say card-timeout instead.
    const maxApdus = 2 + Math.ceil(DEFAULT_LIMITS.maxObjectBytes / 256) + 4;
    for (const hostile of ['endless-61xx', 'wrong-length'] as const) {
      const card = new VirtualPivCard(buildObjects(pki), { hostile });
      await card.insert();
      await waitCardState(true);
      const out = await readCardOutcome(smartcardPort, ctxWith(), { reader: VPCD_READER });
      expect(out.ok, hostile).toBe(false);
      if (!out.ok) expect(out.failure.code, hostile).toBe('hostile-card');
      expect(card.apdus, hostile).toBeGreaterThanOrEqual(2);
      expect(card.apdus, hostile).toBeLessThanOrEqual(maxApdus);
      await card.remove();
      await waitCardState(false);
    }
    for (const hostile of ['truncated-tlv', 'gzip-bomb', 'garbage-der'] as const) {
      const card = new VirtualPivCard(buildObjects(pki), { hostile });
      await card.insert();
      await waitCardState(true);
      const out = await readCardOutcome(smartcardPort, ctxWith(), { reader: VPCD_READER });
      if (!out.ok) throw new Error(`${hostile}: ${JSON.stringify(out.failure)}`);
      const bad = out.card.slots.filter((s) => s.status === 'unreadable');
      expect(bad.length, hostile).toBeGreaterThan(0);
      expect(bad.every((s) => !s.certificate && s.error)).toBe(true);
      expect(out.card.findings.some((f) => f.id.startsWith('cac.cert-unreadable-'))).toBe(true);
      await card.remove();
      await waitCardState(false);
    }
  });

  it('a legacy CAC-only card is reported as such', async () => {
    const card = new VirtualPivCard(buildObjects(pki), { legacyCacOnly: true });
    await card.insert();
    await waitCardState(true);
    const out = await readCardOutcome(smartcardPort, ctxWith(), { reader: VPCD_READER });
    if (!out.ok) throw new Error(JSON.stringify(out.failure));
    expect(out.card.kind).toBe('legacy-cac');
    expect(out.card.findings.map((f) => f.id)).toContain('cac.legacy-cac');
    await card.remove();
    await waitCardState(false);
  });

  it('OpenSC reads the same certificates from the virtual card', async () => {
    const card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await waitCardState(true);
    const ours = await readCardOutcome(smartcardPort, ctxWith(), { reader: VPCD_READER });
    if (!ours.ok) throw new Error(JSON.stringify(ours.failure));
    const { stdout } = await run('pkcs15-tool', ['--reader', VPCD_READER, '--list-certificates'], { timeout: 30_000 });
    const ids = [...stdout.matchAll(/ID\s*:\s*([0-9a-f]+)/gi)].map((m) => m[1]!);
    expect(ids.length).toBe(3);
    // Read each certificate OpenSC lists and compare SHA-1 with ours.
    const oursSha1 = ours.card.slots.filter((s) => s.certificate).map((s) => s.certificate!.sha1).sort();
    const theirs: string[] = [];
    for (const id of ids) {
      const { stdout: pem } = await run('pkcs15-tool', ['--reader', VPCD_READER, '--read-certificate', id], { timeout: 30_000 });
      const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
      theirs.push(Buffer.from(await crypto.subtle.digest('SHA-1', der)).toString('hex').toUpperCase());
    }
    expect(theirs.sort()).toEqual(oursSha1);
    await card.remove();
    await waitCardState(false);
  });

  it('the diagnose check reads the card', async () => {
    const card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await waitCardState(true);
    const [check] = cacChecks(smartcardPort);
    const findings = await check!.run({ ...ctxWith({ SSL_CERT_FILE: caFile }), signal: new AbortController().signal });
    const ids = findings.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['cac.service', 'cac.readers', 'cac.card', 'cac.cert-expired-9c', 'cac.cert-expiring-9d']));
    expect(findings.find((f) => f.id === 'cac.service')?.severity).toBe('ok');
    await card.remove();
    await waitCardState(false);
  });

  it('`cac --watch --json` prints one JSON object per line per event; `cac --json` reads the card', async () => {
    const stateDir = join(tempDir('cac-cli'), 'state');
    const env = { ...process.env, SIGNIN_DOCTOR_PLATFORM: 'linux', SSL_CERT_FILE: caFile };
    const out = new LineLog();
    // --seconds only ends a watch this test has given up on; --count 2 ends it here.
    const watching = runCliInProcess(['--state-dir', stateDir, '--json', 'cac', '--watch', '--count', '2', '--seconds', '300'], { env, onOut: (t) => out.write(t) });
    void watching.finally(() => out.end());
    await out.waitFor(isLine('status'), 'the status line'); // the watcher has had its first look
    const card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await out.waitFor(isLine('card-inserted'), 'card-inserted'); // the watcher itself saw the card
    await card.remove();
    const res = await watching;
    expect(res.code).toBe(0);
    const lines = res.stdout.split('\n');
    const events = lines.filter((l) => l.startsWith('{"type"')).map((l) => JSON.parse(l) as { type: string; reader?: string });
    expect(events.map((e) => e.type)).toEqual(['status', 'card-inserted', 'card-removed']);
    expect(events[1]!.reader).toBe(VPCD_READER);

    const card2 = new VirtualPivCard(buildObjects(pki));
    await card2.insert();
    await waitCardState(true);
    const once = await runCliInProcess(['--state-dir', stateDir, '--json', 'cac'], { env });
    expect(once.code).toBe(0);
    const doc = JSON.parse(once.stdout) as { status: { service: string }; read: { ok: boolean; card: { slots: Array<{ status: string }> } } };
    expect(doc.status.service).toBe('running');
    expect(doc.read.ok).toBe(true);
    expect(doc.read.card.slots.map((s) => s.status)).toEqual(['present', 'present', 'present', 'empty']);
    await card2.remove();
    await waitCardState(false);
  });

  // The built CLI runs the binding in its PC/SC worker thread (dist/pcsc-worker.js). It runs in
  // its own process: the smartcard addon keeps per-process state, so one process must not use it
  // from two threads (that is also why the app uses it only from the worker).
  it('the built CLI reads the card through its PC/SC worker thread, and watches events with it', async () => {
    const env = { SIGNIN_DOCTOR_PLATFORM: 'linux', SSL_CERT_FILE: caFile };
    const stateDir = join(tempDir('cac-built'), 'state');
    // --seconds only ends a watch this test has given up on; --count 2 ends it here.
    const watcher = watchBuiltCli(['--json', '--state-dir', stateDir, 'cac', '--watch', '--count', '2', '--seconds', '300'], env);
    let built: Awaited<ReturnType<typeof runBuiltCli>>;
    let onThread: Awaited<ReturnType<typeof readCardOutcome>>;
    let watchedCode: number | null;
    try {
      await watcher.stdout.waitFor(isLine('status'), 'the status line'); // the watcher has had its first look
      const card = new VirtualPivCard(buildObjects(pki));
      await card.insert();
      await watcher.stdout.waitFor(isLine('card-inserted'), 'card-inserted'); // the watcher itself saw the card
      onThread = await readCardOutcome(smartcardPort, ctxWith({ SSL_CERT_FILE: caFile }), { reader: VPCD_READER });
      built = await runBuiltCli(['--json', '--state-dir', stateDir, 'cac'], { env });
      await card.remove();
      watchedCode = await watcher.exit;
    } finally {
      if (watcher.child.exitCode === null && watcher.child.signalCode === null) watcher.child.kill('SIGKILL');
    }

    expect(built.code).toBe(0);
    const doc = JSON.parse(built.stdout) as { status: { binding: string }; read: { ok: boolean; card: { apduCount: number; slots: Array<{ status: string; certificate?: { sha256: string } }> } } };
    expect(doc.status.binding).toMatch(/worker thread/);
    expect(doc.read.ok).toBe(true);
    if (!onThread.ok) throw new Error('the in-thread read failed');
    const certs = (slots: Array<{ status: string; certificate?: { sha256: string } }>) => slots.map((x) => x.certificate?.sha256 ?? x.status);
    expect(certs(doc.read.card.slots)).toEqual(certs(onThread.card.slots));
    expect(doc.read.card.apduCount).toBe(onThread.card.apduCount);

    expect(watchedCode, watcher.stderr()).toBe(0);
    const events = watcher.stdout.lines.filter((l) => l.startsWith('{"type"')).map((l) => JSON.parse(l) as { type: string; reader?: string });
    expect(events.map((e) => e.type)).toEqual(['status', 'card-inserted', 'card-removed']);
    expect(events[1]!.reader).toBe(VPCD_READER);
  });

  it('pcscd stopped and restarted while the supervisor watches: service lost, then back with the readers', async () => {
    if (!pcscd.ownedByUs) return; // never stop a pcscd someone else runs
    const sup = new PcscSupervisor(smartcardPort, { backoffMs: [100, 200, 400] });
    const c = collector(sup);
    await sup.start();
    expect(sup.service).toBe('running');
    await pcscd.stop();
    const lost = await c.waitFor((e) => e.type === 'service-lost');
    expect(lost.failure?.code).toMatch(/8010001D|8010001E|80100014/);
    expect(sup.service).toBe('not-running');
    // The diagnose check answers with SCARD_E_NO_SERVICE (8010001D) and its advice, not a timeout.
    const [check] = cacChecks(smartcardPort);
    const down = await check!.run({ ...ctxWith(), signal: new AbortController().signal });
    expect(down[0]?.evidence.code).toBe('8010001D');
    expect(down[0]?.fixes).toContain('cac.restart-service');
    await pcscd.restart();
    await c.waitFor((e) => e.type === 'service-back');
    await c.waitFor((e) => e.type === 'reader-attached' && e.reader === VPCD_READER);
    expect(sup.service).toBe('running');
    const card = new VirtualPivCard(buildObjects(pki));
    await card.insert();
    await c.waitFor((e) => e.type === 'card-inserted');
    await card.remove();
    await sup.stop();
  });
});
