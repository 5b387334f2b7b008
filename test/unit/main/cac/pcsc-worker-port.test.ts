// The worker port's promise: a PC/SC call that blocks its thread (a hung pcscd inside a synchronous
// binding call) never blocks ours. The stand-in workers are plain scripts: one spins forever on
// `open`, one waits in native code until the test lets it go, one answers like the real worker, one
// cannot start. Nothing here races the machine's speed: a stand-in says when it is blocked (a
// BroadcastChannel message, a TCP connection), and the port's deadlines run on fake timers the test
// moves on by hand, so a worker may take as long as it likes to start or to end.
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { BroadcastChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PCSC, PcscError } from '../../../../src/main/cac/pcsc-port';
import { workerPcscPort } from '../../../../src/main/cac/pcsc-worker-port';
import { tempDir } from '../../../support/browser';

function script(name: string, body: string): string {
  const file = join(tempDir('pcsc-worker'), name);
  writeFileSync(file, `const { parentPort } = require('node:worker_threads');\n${body}\n`);
  return file;
}

/** The outcome of a call, settled either way (so nothing is an unhandled rejection meanwhile). */
function outcome<T>(work: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  return work.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** Only the timers of the code under test are fake; I/O, workers and setImmediate stay real. */
function fakeDeadlines(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PC/SC in a worker thread', () => {
  it('a blocked worker fails the call at its deadline while our event loop keeps running; the next call gets a fresh worker', async () => {
    const marker = join(tempDir('pcsc-marker'), 'blocked-once');
    const channelName = `pcsc-worker-test-${process.pid}-${Date.now()}`;
    // First `open`: say "entered", then spin forever (a JS loop: terminate() can end it).
    const file = script(
      'stuck-once.cjs',
      `const { existsSync, writeFileSync } = require('node:fs');
const { BroadcastChannel } = require('node:worker_threads');
const signals = new BroadcastChannel(${JSON.stringify(channelName)});
signals.unref();
parentPort.on('message', (req) => {
  if (req.op === 'open' && !existsSync(${JSON.stringify(marker)})) { writeFileSync(${JSON.stringify(marker)}, ''); signals.postMessage('entered'); for (;;) {} } // blocked thread
  if (req.op === 'open') parentPort.postMessage({ id: req.id, ok: true, value: 7 });
  if (req.op === 'list-readers') parentPort.postMessage({ id: req.id, ok: true, value: [{ name: 'Reader ' + req.session, cardPresent: false }] });
});`,
    );
    const signals = new BroadcastChannel(channelName);
    try {
      const entered = once(signals, 'message');
      fakeDeadlines();
      const port = workerPcscPort(file, { quickMs: 800, marginMs: 200 });
      let settled = false;
      const opening = outcome(port.open()).finally(() => (settled = true));
      await entered; // the worker's thread is now stuck and will never answer

      // Our event loop runs all along: real I/O completes while that thread spins.
      const probe = join(tempDir('pcsc-loop'), 'probe');
      await writeFile(probe, 'ours');
      expect(await readFile(probe, 'utf8')).toBe('ours');

      await vi.advanceTimersByTimeAsync(799);
      expect(settled).toBe(false); // not before its deadline
      await vi.advanceTimersByTimeAsync(1);
      const first = await opening;
      expect(first.ok).toBe(false);
      const error = first.ok ? undefined : first.error;
      expect(error).toBeInstanceOf(PcscError);
      expect((error as PcscError).code).toBe(PCSC.TIMEOUT);

      // No timer moves from here on: ending the stuck thread and starting a fresh worker take as
      // long as they take, and the call still succeeds.
      const session = await port.open();
      expect(await session.listReaders()).toEqual([{ name: 'Reader 7', cardPresent: false }]);
      session.close();
    } finally {
      signals.close();
    }
  });

  it('never starts a second worker while a dropped one is still inside a native call', async () => {
    // execFileSync waits in native code, where terminate() cannot reach: like a hung SCardStatus.
    // Its child connects to us and stays until we close that connection.
    const held = new Set<Socket>();
    const server = createServer((socket) => {
      held.add(socket);
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const entered = once(server, 'connection') as Promise<[Socket]>;
    const child = `const s = require('node:net').connect(${(server.address() as AddressInfo).port}, '127.0.0.1'); s.on('close', () => process.exit(0)); s.on('error', () => process.exit(1));`;
    const marker = join(tempDir('pcsc-marker'), 'blocked-once');
    const file = script(
      'native-block.cjs',
      `const { existsSync, writeFileSync } = require('node:fs');
parentPort.on('message', (req) => {
  if (req.op === 'open' && !existsSync(${JSON.stringify(marker)})) {
    writeFileSync(${JSON.stringify(marker)}, '');
    require('node:child_process').execFileSync(process.execPath, ['-e', ${JSON.stringify(child)}]);
  }
  parentPort.postMessage({ id: req.id, ok: true, value: 1 });
});`,
    );
    try {
      fakeDeadlines();
      const port = workerPcscPort(file, { quickMs: 400, marginMs: 100 });
      const first = outcome(port.open());
      const [inNativeCall] = await entered; // the worker's thread waits in execFileSync now
      await vi.advanceTimersByTimeAsync(400);
      expect(await first).toMatchObject({ ok: false, error: { code: PCSC.TIMEOUT } });

      // The first thread is still in its native call (we hold it there): no new worker, and a
      // clear answer once the wait for that thread reaches its deadline.
      const second = outcome(port.open());
      await vi.advanceTimersByTimeAsync(400);
      expect(await second).toMatchObject({ ok: false, error: { code: PCSC.UNRESPONSIVE, message: expect.stringMatching(/still stuck/) } });

      // Let the native call end. The next call waits for that thread to end (no timer moves, so
      // however long that takes), then a fresh worker serves it.
      const third = outcome(port.open());
      inNativeCall.end();
      const served = await third;
      expect(served.ok).toBe(true);
      if (served.ok) served.value.close();
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
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
    // And the port says so, with the reason, wherever its binding text is shown (status, report).
    expect(port.binding).toMatch(/on the main thread \(the worker thread could not start: .*cannot load/);
  });
});
