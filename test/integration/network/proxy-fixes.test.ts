// The GNOME proxy repairs through the real runner and journal against REAL gsettings (keyfile
// backend in a temp folder, so the machine's settings are never touched): apply changes exactly
// what the plan said, undo restores the exact previous values, and undo refuses when the setting
// was changed again in between (unless overwrite=true).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../src/main/engine-context';
import { execFileSafe } from '../../../src/main/os/exec';
import { createService, type Service } from '../../../src/main/service';
import { tempDir } from '../../support/browser';
import { previewAndApply } from '../../support/apply-fix';

const SCHEMA = 'org.gnome.system.proxy';
let env: NodeJS.ProcessEnv;
let service: Service;

const gs = (...args: string[]) => execFileSync('gsettings', args, { env, encoding: 'utf8' }).trim();

beforeEach(() => {
  const dir = tempDir('network-fix');
  env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: join(dir, 'config'), GSETTINGS_BACKEND: 'keyfile', SIGNIN_DOCTOR_PLATFORM: 'linux' };
  gs('set', SCHEMA, 'mode', 'manual');
  gs('set', `${SCHEMA}.https`, 'host', 'proxy.contoso.com');
  gs('set', `${SCHEMA}.https`, 'port', '8080');
  gs('set', SCHEMA, 'ignore-hosts', "['localhost', '*.contoso.com']");
  const ctx = createEngineContext({ env, stateDir: join(dir, 'state'), config: {}, exec: (file, args, options) => execFileSafe(file, args, { ...options, env }) });
  service = createService(ctx);
});

async function ok<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('GNOME proxy repairs with real gsettings', () => {
  it('bypass-add adds the sign-in hosts; undo restores the exact previous list', async () => {
    const plan = await ok(service.invoke('fix.plan', { fixId: 'network.proxy-bypass-add', options: { cloud: 'dod' } }));
    expect(plan.warnings.join('\n')).toMatch(/coordinate with IT/);
    const run = await ok(previewAndApply(service, 'network.proxy-bypass-add', { cloud: 'dod' }));
    expect(run.status).toBe('verified');
    const after = gs('get', SCHEMA, 'ignore-hosts');
    expect(after).toContain("'localhost', '*.contoso.com'");
    expect(after).toContain('login.microsoftonline.us');
    expect(after).toContain('*.certauth.login.microsoftonline.us');
    const undone = await ok(service.invoke('fix.undo', { runId: run.runId, options: {} }));
    expect(undone.status).toBe('undone');
    expect(gs('get', SCHEMA, 'ignore-hosts')).toBe("['localhost', '*.contoso.com']");
  });

  it('proxy-disable sets mode none; undo refuses after a newer change, overwrite=true restores manual', async () => {
    const run = await ok(previewAndApply(service, 'network.proxy-disable', {}));
    expect(gs('get', SCHEMA, 'mode')).toBe("'none'");
    expect(gs('get', `${SCHEMA}.https`, 'host')).toBe("'proxy.contoso.com'"); // the address stays saved
    gs('set', SCHEMA, 'mode', 'auto');
    const refused = await service.invoke('fix.undo', { runId: run.runId, options: {} });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/changed after this repair/);
    expect(gs('get', SCHEMA, 'mode')).toBe("'auto'");
    await ok(service.invoke('fix.undo', { runId: run.runId, options: { overwrite: 'true' } }));
    expect(gs('get', SCHEMA, 'mode')).toBe("'manual'");
  });
});
