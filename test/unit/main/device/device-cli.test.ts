import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../../support/cli';
import { tempDir } from '../../../support/browser';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const TOKEN = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ aud: 'https://graph.microsoft.com', iss: 'https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/', exp: now + 600, nbf: now - 60, iat: now - 60, scp: 'User.Read', upn: 'alice@contoso.com' })}.c2ln`;

describe('signin-doctor device / token (CLI)', () => {
  const env = () => ({ SIGNIN_DOCTOR_PLATFORM: 'linux', SIGNIN_DOCTOR_STATE_DIR: tempDir('device-cli') });

  it('device --json prints one document with the summary and findings of this machine', async () => {
    const r = await runCliInProcess(['device', '--json'], { env: env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ platform: 'linux', policyPlatform: 'Linux', joinState: 'not-registered' });
    expect(doc.findings.map((f: { id: string }) => f.id)).toEqual(['device.linux-management', 'device.os']);
  });

  it('device is part of diagnose', async () => {
    const r = await runCliInProcess(['diagnose', '--only', 'device', '--json'], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings.map((f: { id: string }) => f.id)).toContain('device.os');
  });

  it('token reads standard input and flags missing scopes; the token is not echoed', async () => {
    const r = await runCliInProcess(['token', '--need-scope', 'User.Read', '--need-scope', 'Mail.Send', '--audience', 'graph', '--json'], { env: env(), stdin: `${TOKEN}\n` });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.claims.upn).toBe('alice@contoso.com');
    expect(doc.flags.map((f: { id: string }) => f.id)).toEqual(['missing-scopes']);
    expect(doc.signatureVerified).toBe(false);
    // The decoded claims are shown; the token text itself is never printed back.
    expect(r.stdout + r.stderr).not.toContain(TOKEN.split('.')[1]!);
    const human = await runCliInProcess(['token', '--offset-ms', '-900000'], { env: env(), stdin: TOKEN });
    expect(human.stdout).toMatch(/Signature: The signature is NOT verified/);
    expect(human.stdout).toMatch(/exp .* expires in 24 min|exp .* expires in 25 min/);
  });

  it('refuses a token given as an argument (shell history) with exit 2, and bad tokens with exit 2', async () => {
    const r = await runCliInProcess(['token', TOKEN, '--json'], { env: env() });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.message).toMatch(/shell history/);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    const bad = await runCliInProcess(['token', '--json'], { env: env(), stdin: 'not-a-token' });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout).error.message).toMatch(/three parts/);
    const huge = await runCliInProcess(['token'], { env: env(), stdin: 'a'.repeat(70_000) });
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/larger than 64 KB/);
  });
});
