// The worker port's promise: a PC/SC call that blocks its thread (a hung pcscd inside a synchronous
// binding call) never blocks ours. The stand-in workers are plain scripts: one spins forever on
// `open`, one answers like the real worker, one cannot start.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PCSC, PcscError } from '../../../../src/main/cac/pcsc-port';
import { workerPcscPort } from '../../../../src/main/cac/pcsc-worker-port';
import { tempDir } from '../../../support/browser';

function script(name: string, body: string): string {
  const file = join(tempDir('pcsc-worker'), name);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}

const STUCK_ONCE = `
const { existsSync, writeFileSync } = require('node:fs');
const marker = ${JSON.stringify('MARKER')};
parentPort.on('message', (req) => {
  if (req.op === 'open' && !existsSync(marker)) { writeFileSync(marker, ''); for (;;) {} } // blocked thread
  if (req.op === 'open') parentPort.postMessage({ id: req.id, ok: true, value: 7 });
  if (req.op === 'list-readers') parentPort.postMessage({ id: req.id, ok: true, value: [{ name: 'Reader ' + req.session, cardPresent: false }] });
});`;

describe('PC/SC in a worker thread', () => {
  it('a blocked worker fails the call at its deadline while our event loop keeps running; the next call gets a fresh worker', async () => {
    const marker = join(tempDir('pcsc-marker'), 'blocked-once');
    const port = workerPcscPort(script('stuck-once.cjs', STUCK_ONCE.replace('"MARKER"', JSON.stringify(marker))), { quickMs: 800, marginMs: 200 });
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const error = await port.open().then(
      () => undefined,
      (e: unknown) => e,
    );
    clearInterval(ticker);
    expect(error).toBeInstanceOf(PcscError);
    expect((error as PcscError).code).toBe(PCSC.TIMEOUT);
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
    expect(ticks).toBeGreaterThan(10); // our loop ran all along

    const session = await port.open();
    expect(await session.listReaders()).toEqual([{ name: 'Reader 7', cardPresent: false }]);
    session.close();
  });

  it('never starts a second worker while a dropped one is still inside a native call', async () => {
    // execFileSync waits in native code, where terminate() cannot reach: like a hung SCardStatus.
    const marker = join(tempDir('pcsc-marker'), 'blocked-once');
    const file = script(
      'native-block.cjs',
      `const { existsSync, writeFileSync } = require('node:fs');
parentPort.on('message', (req) => {
  if (req.op === 'open' && !existsSync(${JSON.stringify(marker)})) {
    writeFileSync(${JSON.stringify(marker)}, '');
    require('node:child_process').execFileSync(process.execPath, ['-e', 'setTimeout(() => {}, 1500)']);
  }
  parentPort.postMessage({ id: req.id, ok: true, value: 1 });
});`,
    );
    const port = workerPcscPort(file, { quickMs: 400, marginMs: 100 });
    await expect(port.open()).rejects.toMatchObject({ code: PCSC.TIMEOUT });
    // The first thread is still in its native call: no new worker yet, a clear answer instead.
    await expect(port.open()).rejects.toMatchObject({ code: PCSC.UNRESPONSIVE, message: expect.stringMatching(/still stuck/) });
    // Once that thread has ended, a fresh worker serves again.
    let session;
    for (let i = 0; i < 20 && !session; i++) session = await port.open().catch(() => undefined);
    expect(session).toBeDefined();
    session?.close();
  });

  it('errors from the worker arrive as PcscError with their PC/SC code', async () => {
    const port = workerPcscPort(script('no-service.cjs', `parentPort.on('message', (req) => parentPort.postMessage({ id: req.id, ok: false, code: '8010001D', message: 'PC/SC service not running' }));`));
    await expect(port.open()).rejects.toMatchObject({ name: 'PcscError', code: PCSC.NO_SERVICE });
  });

  it('a worker that cannot start falls back to the binding on this thread', async () => {
    const port = workerPcscPort(script('broken.cjs', `throw new Error('cannot load');`));
    const outcome = await port.open().then(
      (s) => {
        s.close();
        return 'opened';
      },
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    // Whatever this machine's pcscd says, the answer came from the real binding, not the worker.
    expect(outcome).not.toMatch(/worker/);
  });
});
