// The card watcher stops with the service: closing it (app quit, CLI exit, harness close) ends the
// supervisor's loop and releases every PC/SC context it opened.
import { describe, expect, it } from 'vitest';
import { cacHandlersWith } from '../../../../src/main/cac/handlers';
import type { PcscPort, PcscSession } from '../../../../src/main/cac/pcsc-port';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { ServiceDeps } from '../../../../src/main/service-types';
import { tempDir } from '../../../support/browser';

/** A reader with no card; waitForChange waits until its context is closed. */
function standInPort() {
  const open = new Set<symbol>();
  const port: PcscPort = {
    binding: 'stand-in',
    async open(): Promise<PcscSession> {
      const id = Symbol('context');
      open.add(id);
      let release: () => void = () => undefined;
      const closed = new Promise<void>((resolve) => (release = resolve));
      return {
        listReaders: async () => [{ name: 'Stand-in Reader 00 00', cardPresent: false }],
        waitForChange: () => closed,
        connect: async () => {
          throw new Error('no card');
        },
        close: () => {
          open.delete(id);
          release();
        },
      };
    },
  };
  return { port, open };
}

describe('cac handlers lifecycle', () => {
  it('closing the service stops the watcher and releases its PC/SC contexts', async () => {
    const { port, open } = standInPort();
    const closers: Array<() => Promise<void>> = [];
    const deps = { ctx: createEngineContext({ env: {}, stateDir: tempDir('cac-life') }), emit: () => undefined, onClose: (c: () => Promise<void>) => void closers.push(c) } as unknown as ServiceDeps;
    const handlers = cacHandlersWith(port)(deps);
    const status = await handlers['cac.status']({});
    expect(status.watching).toBe(true);
    expect(open.size).toBeGreaterThan(0);
    expect(closers).toHaveLength(1);
    await Promise.all(closers.map((c) => c()));
    expect(open.size).toBe(0);
    expect((await handlers['cac.watch-stop']({})).stopped).toBe(false); // already stopped
  });
});
