// The built CLI ends after answering even when something keeps Node's event loop busy (a hung
// PC/SC call or a forgotten socket would otherwise make a remote-management tool wait forever),
// and the whole answer still reaches stdout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser';
import { runBuiltCli } from '../../support/cli';

describe('the built CLI exits after its answer', () => {
  it('even with a handle that never closes', async () => {
    const dir = tempDir('cli-exit');
    const holder = join(dir, 'hold-the-loop.cjs');
    writeFileSync(holder, 'setInterval(() => {}, 1000);\n');
    const run = await runBuiltCli(['explain', 'AADSTS53003 Correlation ID: 0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9', '--json', '--state-dir', join(dir, 'state')], {
      env: { NODE_OPTIONS: `--require ${holder}` },
      timeoutMs: 20_000,
    });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { codes: Array<{ code: string }> };
    expect(result.codes.map((c) => c.code)).toEqual(['53003']);
  });
});
