import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngineContext } from '../../../../src/main/engine-context';
import type { Exec } from '../../../../src/main/os/exec';
import { IDENTITY_LABELS, keychainDeleteStep, listIdentityItems, parseSecurityItem } from '../../../../src/main/teams/keychain';

const fixture = (name: string) => readFileSync(join(__dirname, '../../../fixtures/teams', name), 'utf8');
const NOT_FOUND = { code: 44, signal: null, stdout: '', stderr: fixture('security-not-found.txt'), timedOut: false };

describe('macOS keychain identity items (security output)', () => {
  it('parses the attributes security prints, never a secret', () => {
    expect(parseSecurityItem(fixture('security-teams-identities.txt'))).toEqual({
      label: 'Microsoft Teams Identities Cache',
      keychain: '/Users/dave/Library/Keychains/login.keychain-db',
      account: 'teams_identities_cache',
      service: 'Microsoft Teams Identities Cache',
      modified: '20261120101500Z',
    });
    expect(parseSecurityItem('garbage\n\u0000\u0001')).toBeUndefined();
  });

  it('lists exactly the reference labels, one find-generic-password each, without -g/-w', async () => {
    const calls: string[][] = [];
    const exec: Exec = async (file, args) => {
      calls.push([file, ...args]);
      if (args[2] === 'Microsoft Teams Identities Cache') return { code: 0, signal: null, stdout: fixture('security-teams-identities.txt'), stderr: '', timedOut: false };
      if (args[2] === 'OneAuthAccount') return { code: 0, signal: null, stdout: fixture('security-oneauth.txt'), stderr: '', timedOut: false };
      return NOT_FOUND;
    };
    const listing = await listIdentityItems(exec);
    expect(listing.ok && listing.items.map((i) => i.label)).toEqual(['Microsoft Teams Identities Cache', 'OneAuthAccount']);
    expect(calls.map((c) => c[3])).toEqual([...IDENTITY_LABELS]);
    expect(calls.every((c) => c[0] === '/usr/bin/security' && c[1] === 'find-generic-password' && c[2] === '-l' && c.length === 4)).toBe(true);
  });

  it('reports a failing security as an error, not as "nothing found"', async () => {
    const exec: Exec = async () => ({ code: 51, signal: null, stdout: '', stderr: 'security: SecKeychainSearchCopyNext: User interaction is not allowed.', timedOut: false });
    const listing = await listIdentityItems(exec);
    expect(listing.ok).toBe(false);
    expect(!listing.ok && listing.error).toMatch(/User interaction is not allowed/);
  });

  it('deletes every item of a label until security says none is left (idempotent), and refuses other labels', async () => {
    let left = 3;
    const calls: string[][] = [];
    const exec: Exec = async (file, args) => {
      calls.push([file, ...args]);
      if (left === 0) return NOT_FOUND;
      left--;
      return { code: 0, signal: null, stdout: '', stderr: '', timedOut: false };
    };
    const ctx = { ...createEngineContext({ env: {}, stateDir: '/tmp/unused', exec }), runId: 'x', backupDir: '/tmp/unused', roots: [] };
    await keychainDeleteStep.apply(keychainDeleteStep.data.parse({ label: 'OneAuthAccount' }), ctx);
    expect(calls).toHaveLength(4);
    expect(calls[0]).toEqual(['/usr/bin/security', 'delete-generic-password', '-l', 'OneAuthAccount']);
    expect(calls.every((c) => c[0] === '/usr/bin/security')).toBe(true);
    await keychainDeleteStep.apply(keychainDeleteStep.data.parse({ label: 'OneAuthAccount' }), ctx); // again after a crash: fine
    expect(keychainDeleteStep.data.safeParse({ label: 'login' }).success).toBe(false);
  });
});
