// CLI commands of the device domain: `device` (what Conditional Access sees of this machine) and
// `token` (the offline JWT inspector). The token is read from standard input only: a token given
// as an argument would land in the shell history, so that is refused.
import type { DeviceStatus, TokenInspection } from '../../shared/contract/device';
import { UsageError, callOrThrow, flag, flagAll, hasFlag, type CommandRun } from '../common/cli-command';
import { renderFindings } from '../common/cli-render';

export function renderDevice(status: DeviceStatus): string {
  const s = status.summary;
  const lines = [
    `Device platform (as Conditional Access sees it): ${s.policyPlatform}`,
    `OS: ${s.osName} ${s.osVersion}${s.patchLevel ? ` (${s.patchLevel})` : ''}`,
    `Device state: ${s.joinStateLabel}`,
  ];
  if (s.tenantName || s.tenantId) lines.push(`Tenant: ${[s.tenantName, s.tenantId].filter(Boolean).join(' / ')}`);
  if (s.deviceId) lines.push(`Device ID: ${s.deviceId}`);
  if (s.prt) lines.push(`Primary Refresh Token: ${s.prt.present ? `present${s.prt.expiresAt ? `, expires ${s.prt.expiresAt}` : ''}` : 'missing'}`);
  if (s.lastError) lines.push(`Last error: ${[s.lastError.code, s.lastError.description, s.lastError.correlationId ? `Correlation ID ${s.lastError.correlationId}` : ''].filter(Boolean).join(' — ')}`);
  return `${lines.join('\n')}\n\n${renderFindings(status.findings)}`;
}

const MARK = { info: 'INFO', warn: 'WARN', fail: 'FAIL' } as const;

export function renderToken(t: TokenInspection): string {
  const c = t.claims;
  const lines = [`Signature: ${t.signatureNote}`, ''];
  const header = ['alg', 'typ', 'kid'].filter((k) => t.header[k] !== undefined).map((k) => `${k} ${String(t.header[k])}`);
  if (header.length) lines.push(`Header:    ${header.join(', ')}`);
  lines.push(`Audience:  ${c.aud.join(', ') || '(none)'}${c.audienceName ? ` (${c.audienceName})` : ''}`);
  if (c.iss) lines.push(`Issuer:    ${c.iss}`);
  if (c.tid) lines.push(`Tenant:    ${c.tid}`);
  if (c.appid || c.azp) lines.push(`App:       ${[c.appid, c.azp].filter(Boolean).join(' / ')}`);
  lines.push(`Scopes:    ${c.scopes.join(' ') || '(none)'}`);
  if (c.roles.length) lines.push(`Roles:     ${c.roles.join(' ')}`);
  if (c.upn) lines.push(`User:      ${c.upn}`);
  if (c.amr.length) lines.push(`Sign-in methods (amr): ${c.amr.join(', ')}`);
  if (c.deviceid) lines.push(`Device ID: ${c.deviceid}`);
  lines.push('', `Times, against ${t.clock.corrected ? `the corrected clock (local ${t.clock.offsetMs >= 0 ? '+' : ''}${t.clock.offsetMs} ms)` : 'this computer\'s clock (not corrected)'}: now ${t.clock.now}`);
  for (const time of t.times) lines.push(`  ${time.claim.padEnd(4)} ${time.iso}  ${time.relative}`);
  lines.push('');
  if (t.flags.length) for (const f of t.flags) lines.push(`[${MARK[f.severity]}] ${f.message}`);
  else lines.push('No problems found in the claims.');
  return `${lines.join('\n')}\n`;
}

export const runDevice: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  const status = await callOrThrow(inv, 'device.status', {});
  return { exitCode: 0, json: status, human: renderDevice(status) };
};

export const runToken: CommandRun = async (inv) => {
  if (inv.args.length) {
    throw new UsageError('refusing a token given as an argument: it would be saved in your shell history. Pipe it instead, e.g. `pbpaste | signin-doctor token` or `signin-doctor token < token.txt`.');
  }
  const audience = flag(inv, 'audience');
  if (audience !== undefined && audience !== 'graph' && audience !== 'teams') throw new UsageError('--audience must be graph or teams');
  const offsetRaw = flag(inv, 'offset-ms');
  let offsetMs: number | undefined;
  if (offsetRaw !== undefined) {
    offsetMs = Number(offsetRaw);
    if (!/^[+-]?\d+(\.\d+)?$/.test(offsetRaw.trim()) || !Number.isFinite(offsetMs)) throw new UsageError('--offset-ms must be a number of milliseconds');
  }
  if (hasFlag(inv, 'measure-clock')) {
    if (offsetMs !== undefined) throw new UsageError('give --offset-ms or --measure-clock, not both');
    // The clock domain's own measurement (the same one its check makes), through the service.
    offsetMs = (await callOrThrow(inv, 'clock.measure', {})).measurement.offsetMs;
    if (offsetMs === undefined) inv.io.err('The clock could not be measured; the times below use this computer\'s clock.\n');
  }
  if (inv.io.stdinIsTTY) inv.io.err('Paste the token, then press Enter and Ctrl-D (Ctrl-Z then Enter on Windows):\n');
  const token = await inv.io.readStdin();
  const result = await callOrThrow(inv, 'device.inspect-token', {
    token,
    needScopes: flagAll(inv, 'need-scope'),
    ...(offsetMs !== undefined ? { offsetMs } : {}),
    ...(audience ? { expectAudience: audience } : {}),
  });
  return { exitCode: 0, json: result, human: renderToken(result) };
};

