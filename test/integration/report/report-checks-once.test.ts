// A report runs every check once: its verdict (the error and the ranked causes) is ranked for the
// findings the report gathered, not for a second run of the checks. Counted at the one boundary
// faked here (exec: dsregcmd answers from a recorded output), on a real Windows-layout Teams tree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../src/main/engine-context';
import type { Exec } from '../../../src/main/os/exec';
import { collectReport } from '../../../src/main/report/collect-report';
import { createService } from '../../../src/main/service';
import { tempDir } from '../../support/browser';
import { CORRELATION_CA, buildTeamsTree } from '../../support/teams-tree';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/device', name), 'utf8');
const NOW = new Date('2026-11-23T08:00:00Z');

describe('report: the checks run once', () => {
  it('dsregcmd runs once, and the verdict is the newest Teams log failure ranked against the report\'s own findings', async () => {
    const tree = await buildTeamsTree(tempDir('report-once'), 'win32', { files: 6, logs: 'conditional-access', clients: ['new'] });
    const calls: string[] = [];
    const exec: Exec = async (file) => {
      calls.push(file);
      if (file === 'C:\\Windows\\System32\\dsregcmd.exe') return { code: 0, signal: null, stdout: fixture('dsregcmd-unregistered.txt'), stderr: '', timedOut: false };
      if (file === 'C:\\Windows\\System32\\reg.exe') return { code: 0, signal: null, stdout: fixture('reg-currentversion.txt'), stderr: '', timedOut: false };
      return { code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: 'ENOENT' };
    };
    const ctx = createEngineContext({ env: { ...tree.env, SIGNIN_DOCTOR_PLATFORM: 'win32' }, stateDir: join(tree.base, 'state'), exec, now: () => NOW });
    const service = createService(ctx);
    try {
      const data = await collectReport(service.deps, { only: ['teams', 'device'] });
      expect(calls.filter((f) => f.endsWith('dsregcmd.exe'))).toHaveLength(1);
      expect(data.verdict?.error?.codes.map((c) => c.display)).toEqual(['AADSTS53003']);
      expect(data.verdict?.error?.correlationId).toBe(CORRELATION_CA);
      // Ranked against the report's findings: the unregistered device it read is the evidence.
      const facts = (data.verdict?.causes ?? []).flatMap((c) => c.because.map((b) => b.findingId));
      expect(facts).toContain('device.join-state');
      // Every fact is of the error, of a finding the report holds, or says that a domain it left out was not checked.
      const known = (id: string) => id === 'error' || data.diagnosis.findings.some((f) => f.id === id) || ['clock', 'network', 'cac'].includes(id);
      expect(facts.filter((id) => !known(id))).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
