// The clock fixes through the real runner and journal. The OS tools that need admin rights cannot
// run here, so ctx.exec is a small stateful fake (timedatectl's NTP switch) that records every
// command; verification re-measures against a REAL chronyd on loopback.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockModule } from '../../../src/main/clock';
import { Runner } from '../../../src/main/engine/runner';
import { createEngineContext } from '../../../src/main/engine-context';
import type { Exec } from '../../../src/main/os/exec';
import { tempDir } from '../../support/browser';
import { startChrony, type NtpPeer } from '../../support/ntp-server';

let chrony: NtpPeer;
beforeAll(async () => {
  chrony = await startChrony();
});
afterAll(() => chrony?.stop());

/** A Linux box whose automatic time starts off; pkexec timedatectl set-ntp flips it. */
function linuxTools(initialNtp: 'yes' | 'no') {
  let ntp = initialNtp;
  const calls: string[][] = [];
  const exec: Exec = async (file, args) => {
    calls.push([file, ...args]);
    const ok = (stdout = '') => ({ code: 0, signal: null, stdout, stderr: '', timedOut: false });
    if (file === '/usr/bin/timedatectl' && args[0] === 'show') return ok(`Timezone=Europe/Berlin\nCanNTP=yes\nNTP=${ntp}\nNTPSynchronized=${ntp}\n`);
    if (file === '/usr/bin/pkexec' && args[0] === '/usr/bin/timedatectl' && args[1] === 'set-ntp') {
      ntp = args[2] === 'true' ? 'yes' : 'no';
      return ok();
    }
    if (file === '/usr/bin/pkexec' && args[0] === '/usr/bin/chronyc') return ok('200 OK\n');
    return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
  };
  const elevated = () => calls.filter((c) => c[0] === '/usr/bin/pkexec');
  return { exec, calls, elevated, ntp: () => ntp };
}

function setup(initialNtp: 'yes' | 'no', skewMs = 0) {
  const tools = linuxTools(initialNtp);
  const ctx = createEngineContext({
    stateDir: join(tempDir('clock-runner'), 'state'),
    env: { SIGNIN_DOCTOR_PLATFORM: 'linux' },
    exec: tools.exec,
    config: { clock: { servers: [chrony.server], dateUrl: 'http://127.0.0.1:9/', timeoutMs: 10_000 } }, // a reply is expected: wait long
    now: () => new Date(Date.now() + skewMs),
  });
  return { tools, runner: new Runner({ ctx, fixes: clockModule.fixes, steps: clockModule.steps }) };
}

describe('clock.auto-time-on through the runner', () => {
  it('off before: applies, verifies, and undo turns it back off', async () => {
    const { tools, runner } = setup('no');
    const record = await runner.apply('clock.auto-time-on', {});
    expect(record.status).toBe('verified');
    expect(tools.ntp()).toBe('yes');
    const undone = await runner.undo(record.runId);
    expect(undone.status).toBe('undone');
    expect(tools.ntp()).toBe('no');
    expect(tools.elevated()).toEqual([
      ['/usr/bin/pkexec', '/usr/bin/timedatectl', 'set-ntp', 'true'],
      ['/usr/bin/pkexec', '/usr/bin/timedatectl', 'set-ntp', 'false'],
    ]);
  });

  it('on before: undo leaves it on', async () => {
    const { tools, runner } = setup('yes');
    const record = await runner.apply('clock.auto-time-on', {});
    await runner.undo(record.runId);
    expect(tools.ntp()).toBe('yes');
    expect(tools.elevated()).toEqual([['/usr/bin/pkexec', '/usr/bin/timedatectl', 'set-ntp', 'true']]);
  });
});

describe('clock.resync through the runner', () => {
  it('runs chronyc makestep once, verifies by measuring chronyd, and refuses undo with the reason', async () => {
    const { tools, runner } = setup('yes');
    const record = await runner.apply('clock.resync', {});
    expect(record.status).toBe('verified');
    expect(record.verify?.message).toMatch(/within 1 second of true time/);
    expect(tools.elevated()).toEqual([['/usr/bin/pkexec', '/usr/bin/chronyc', 'makestep']]);
    await expect(runner.undo(record.runId)).rejects.toThrow(/corrected clock is not restored/);
  });

  it('a clock still 6 minutes off after the step is reported, not called verified', async () => {
    const { runner } = setup('yes', 360_000);
    const record = await runner.apply('clock.resync', {});
    expect(record.status).toBe('applied');
    expect(record.verify).toMatchObject({ ok: false, message: 'The clock is still 6 minutes fast.' });
  });

  it('a hostile server option never reaches a command line', async () => {
    const { tools, runner } = setup('yes');
    await expect(runner.apply('clock.resync', { server: '$(reboot)' })).rejects.toThrow();
    expect(tools.calls.flat().join(' ')).not.toContain('reboot');
  });
});
