// The restart fix goes through runElevated (the one elevation path) with a fake exec at the
// boundary; macOS has no service, so the plan is blocked with a clear sentence.
import { describe, expect, it } from 'vitest';
import { serviceFinding } from '../../../../src/main/cac/cac-checks';
import { describeFailure } from '../../../../src/main/cac/pcsc-errors';
import { PCSC, PcscError, type PcscPort } from '../../../../src/main/cac/pcsc-port';
import { MAC_NO_SERVICE, restartServiceFix, restartServiceStep } from '../../../../src/main/cac/restart-service-fix';
import type { StepContext } from '../../../../src/main/engine/types';
import type { Exec, ExecResult } from '../../../../src/main/os/exec';
import type { Platform } from '../../../../src/main/os/platform';

function recordingExec(result: Partial<ExecResult> = {}): Exec & { calls: Array<{ file: string; args: string[] }> } {
  const calls: Array<{ file: string; args: string[] }> = [];
  const exec = (async (file: string, args: readonly string[]) => {
    calls.push({ file, args: [...args] });
    return { code: 0, signal: null, stdout: '', stderr: '', timedOut: false, ...result };
  }) as Exec & { calls: typeof calls };
  exec.calls = calls;
  return exec;
}

const ctxFor = (platform: Platform, exec: Exec) => ({ platform, env: { SystemRoot: 'C:\\Windows' }, exec, stateDir: '/nonexistent', config: {}, now: () => new Date(), runId: 'r1', backupDir: '/nonexistent/b', roots: [] }) as unknown as StepContext;
const downPort: PcscPort = { binding: 'test', open: async () => Promise.reject(new PcscError(PCSC.NO_SERVICE, 'Service not running')) };

describe('cac.restart-service', () => {
  it('Linux: one pkexec systemctl restart pcscd.service, shown in the plan', async () => {
    const exec = recordingExec();
    const ctx = ctxFor('linux', exec);
    const plan = await restartServiceFix(downPort).plan(ctx, {});
    expect(plan.needsAdmin).toBe(true);
    expect(plan.changes[0]).toMatch(/polkit .*systemctl restart pcscd\.service/);
    await restartServiceStep.apply(plan.steps[0]!.data as { platform: 'linux' }, ctx);
    expect(exec.calls).toEqual([{ file: '/usr/bin/pkexec', args: ['/usr/bin/systemctl', 'restart', 'pcscd.service'] }]);
  });

  it('Windows: the UAC launcher runs Restart-Service SCardSvr', async () => {
    const exec = recordingExec();
    const ctx = ctxFor('win32', exec);
    const plan = await restartServiceFix(downPort).plan(ctx, {});
    await restartServiceStep.apply(plan.steps[0]!.data as { platform: 'win32' }, ctx);
    expect(exec.calls).toHaveLength(1);
    expect(exec.calls[0]!.file).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
    const script = Buffer.from(exec.calls[0]!.args[3]!, 'base64').toString('utf16le');
    expect(script).toContain("'Restart-Service','-Name','SCardSvr','-Force'");
    expect(script).toContain('-Verb RunAs');
  });

  it('a dismissed prompt or a failed restart fails the step with a clear message', async () => {
    await expect(restartServiceStep.apply({ platform: 'linux' }, ctxFor('linux', recordingExec({ code: 126 })))).rejects.toThrow(/dismissed/);
    await expect(restartServiceStep.apply({ platform: 'linux' }, ctxFor('linux', recordingExec({ code: 1, stderr: 'Unit pcscd.service not found.' })))).rejects.toThrow(/Unit pcscd.service not found/);
  });

  it('macOS: blocked, nothing runs, and the plan says why', async () => {
    const exec = recordingExec();
    const plan = await restartServiceFix(downPort).plan(ctxFor('darwin', exec), {});
    expect(plan.blockedBy).toBe(MAC_NO_SERVICE);
    expect(plan.steps).toEqual([]);
    expect(exec.calls).toEqual([]);
  });

  it('verify reports the service still down', async () => {
    const v = await restartServiceFix(downPort).verify(ctxFor('linux', recordingExec()), {}, {} as never);
    expect(v.ok).toBe(false);
  });
});

describe('cac.service finding (SCARD_E_NO_SERVICE)', () => {
  for (const platform of ['linux', 'win32', 'darwin'] as const) {
    it(`${platform}: every advice sentence appears once, punctuation not doubled`, () => {
      const f = serviceFinding(describeFailure(PCSC.NO_SERVICE, 'x', platform), downPort, platform);
      const sentences = f.detail.split(/(?<=[.!?])\s+/).map((s) => s.trim()).filter(Boolean);
      expect(new Set(sentences).size).toBe(sentences.length);
      expect(f.detail).not.toMatch(/\.\./);
      expect(f.fixes).toEqual(platform === 'darwin' ? [] : ['cac.restart-service']);
      // No two advice items tell the same thing (both "plug the reader in").
      const plug = (f.evidence.advice as string[]).filter((a) => /plug the reader in/i.test(a));
      expect(plug.length).toBeLessThanOrEqual(1);
    });
  }
  it('Linux advice names pcscd; Windows advice names SCardSvr; macOS says there is no service to restart', () => {
    expect(describeFailure(PCSC.NO_SERVICE, undefined, 'linux').advice.join(' ')).toMatch(/pcscd/);
    expect(describeFailure(PCSC.NO_SERVICE, undefined, 'win32').advice.join(' ')).toMatch(/SCardSvr/);
    expect(describeFailure(PCSC.NO_SERVICE, undefined, 'darwin').advice.join(' ')).toMatch(/CryptoTokenKit/);
  });
});
