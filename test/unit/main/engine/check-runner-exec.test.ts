// A check that is stopped (here: past its timeout) takes its programs with it: the runner binds
// the check's AbortSignal to every ctx.exec, so the child is killed instead of running on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../../src/main/engine/check-runner';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { ExecResult } from '../../../../src/main/os/exec';
import { tempDir } from '../../../support/browser';

describe.runIf(process.platform !== 'win32')('check runner and child processes', () => {
  it('kills the programs of a check that timed out', async () => {
    const pidFile = join(tempDir('check-exec'), 'pid');
    let child: Promise<ExecResult> | undefined;
    const findings = await runChecks(
      [
        {
          id: 'device.slow-tool',
          domain: 'device',
          title: 'A tool that hangs',
          timeoutMs: 300,
          run: async (ctx) => {
            child = ctx.exec('/bin/sh', ['-c', `echo $$ > '${pidFile}'; exec sleep 600`], { timeoutMs: 600_000 });
            await child;
            return [];
          },
        },
      ],
      createEngineContext({ env: {}, stateDir: tempDir('check-exec-state') }),
    );
    expect(findings.map((f) => f.id)).toEqual(['device.slow-tool-error']);
    // The exec resolves only when its child has gone: without the signal this would wait 600 s.
    const result = await child!;
    expect(result.spawnError).toBe('ABORT_ERR');
    // On a busy machine the shell may be killed before it wrote its pid; if it did, it is gone.
    const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
    if (pid > 0) expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });
});
