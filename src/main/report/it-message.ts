// The "Message for IT": short, ready to paste into a ticket. Built from facts (the explained error,
// the device state, network and clock findings, the journal), never from raw pasted text, and
// redacted before it is shown or saved.
import type { Explanation } from '../../shared/contract/explain';
import type { DeviceSummary } from '../../shared/contract/device';
import type { ItMessage } from '../../shared/contract/report';
import { SEVERITY_ORDER, type Finding, type RunSummary } from '../../shared/model';
import { isConditionalAccessCode } from '../../shared/knowledge/catalog';
import { CA_LOOKUP_LINE } from '../common/explain/it-message';
import { clockOffsetMs } from '../../shared/contract/clock-offset';
import { formatDuration } from '../common/format-duration';

export { clockOffsetMs };

export interface MessageInput {
  now: Date;
  explanation?: Explanation;
  device?: DeviceSummary;
  findings: readonly Finding[];
  history: readonly RunSummary[];
}

const worstOf = (findings: readonly Finding[]) => [...findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity])[0];

/** One line per network concern (VPN, proxy, TLS inspection), from the network domain's findings. */
export function networkSummary(findings: readonly Finding[]): string[] {
  const net = findings.filter((f) => f.domain === 'network');
  if (!net.length) return ['not checked'];
  const topics: Array<[string, RegExp]> = [
    ['VPN', /vpn/i],
    ['Proxy', /proxy|pac/i],
    ['TLS inspection', /tls|inspect|intercept|certificate/i],
  ];
  const lines: string[] = [];
  for (const [label, re] of topics) {
    const worst = worstOf(net.filter((f) => re.test(f.id)));
    lines.push(`${label}: ${worst ? `${worst.title}${worst.severity === 'ok' || worst.severity === 'info' ? '' : ` (${worst.severity})`}` : 'not checked'}`);
  }
  return lines;
}

export function clockSummary(findings: readonly Finding[]): string | undefined {
  const clock = findings.filter((f) => f.domain === 'clock');
  if (!clock.length) return undefined;
  const offset = clockOffsetMs(clock);
  const worst = worstOf(clock)!;
  if (offset === undefined) return worst.title;
  return `${Math.abs(offset) < 1000 ? 'within 1 s of true time' : `off by ${formatDuration(offset)}`} (${worst.title})`;
}

const when = (iso: string) => iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');

export function triedLines(history: readonly RunSummary[]): string[] {
  return history
    .filter((r) => r.status !== 'discarded' || r.undoable)
    .slice(0, 10)
    .map((r) => `${when(r.startedAt)}  ${r.title} (${r.fixId}): ${r.status}${r.error ? ` — ${r.error.slice(0, 120)}` : ''}`);
}

export function buildItMessage(input: MessageInput): ItMessage {
  const ex = input.explanation;
  const f = ex?.fields ?? {};
  const codes = (ex?.codes ?? []).map((c) => (c.family === 'aadsts' ? `AADSTS${c.code}` : `0x${c.code}`) + (c.entry ? ` (${c.entry.name})` : ''));
  const device = input.device;
  const devicePlatform = device ? `${device.policyPlatform} — ${device.osName} ${device.osVersion}${device.patchLevel ? `, ${device.patchLevel}` : ''}` : f.devicePlatform;
  const deviceState = device
    ? [
        device.joinStateLabel,
        device.tenantName ? `tenant ${device.tenantName}` : undefined,
        device.prt ? (device.prt.present ? `PRT present${device.prt.expiresAt ? ` (expires ${device.prt.expiresAt})` : ''}` : 'no PRT') : undefined,
        device.deviceId ? `device ID ${device.deviceId}` : undefined,
      ]
        .filter(Boolean)
        .join('; ')
    : f.deviceState;
  const network = networkSummary(input.findings);
  const clockSkew = clockSummary(input.findings);
  const tried = triedLines(input.history);
  const problems = input.findings.filter((x) => x.severity === 'fail' || x.severity === 'warn');

  const lines: string[] = ['Hello,', ''];
  lines.push(codes.length ? `I cannot sign in${f.appName ? ` to ${f.appName}` : ''}. ${ex?.headline ?? ''}`.trim() : `I need help signing in${f.appName ? ` to ${f.appName}` : ''} to Microsoft 365.`, '');
  lines.push('Sign-in error:');
  lines.push(`Error code: ${codes.length ? codes.join(', ') : 'not given'}`);
  if (f.correlationId) lines.push(`Correlation ID: ${f.correlationId}`);
  if (f.requestId) lines.push(`Request ID: ${f.requestId}`);
  if (f.traceId) lines.push(`Trace ID: ${f.traceId}`);
  lines.push(`Timestamp (UTC): ${f.timestamp ?? `not given (this report: ${input.now.toISOString()})`}`);
  if (f.appName || f.appId) lines.push(`App: ${[f.appName, f.appId].filter(Boolean).join(' / ')}`);
  if (f.ipAddress) lines.push(`IP address: ${f.ipAddress}`);
  lines.push('');
  lines.push('This device:');
  lines.push(`Device platform: ${devicePlatform ?? 'unknown'}`);
  lines.push(`Device state: ${deviceState ?? 'unknown'}`);
  if (device?.lastError) lines.push(`Last device error: ${[device.lastError.code, device.lastError.correlationId ? `Correlation ID ${device.lastError.correlationId}` : undefined].filter(Boolean).join(', ')}`);
  lines.push(`Network: ${network.join('; ')}`);
  lines.push(`Clock: ${clockSkew ?? 'not checked'}`);
  lines.push('');
  lines.push(problems.length ? 'Problems Sign-in Doctor found:' : 'Sign-in Doctor found nothing wrong on this device.');
  for (const p of problems.slice(0, 8)) lines.push(`- ${p.title} (${p.id})`);
  if (problems.length > 8) lines.push(`- and ${problems.length - 8} more (see the support bundle)`);
  lines.push('');
  lines.push('What I already tried:');
  if (tried.length) lines.push(...tried.map((t) => `- ${t}`));
  else lines.push('- no repairs (Sign-in Doctor has none on record)');
  lines.push('');
  if (ex?.codes.some((c) => isConditionalAccessCode(c.family, c.code))) {
    lines.push(`${CA_LOOKUP_LINE}.`, 'Sign-in logs are kept 7 days (Entra ID Free) or 30 days (P1/P2), so please look soon.', '');
  } else if (f.correlationId ?? f.requestId ?? f.traceId) {
    lines.push('You can find this sign-in in Entra admin center > Sign-in logs by Correlation ID or Request ID.', '');
  }
  lines.push('Thank you.');
  return {
    message: lines.join('\n'),
    facts: {
      errorCodes: codes,
      ...(f.correlationId ? { correlationId: f.correlationId } : {}),
      ...(f.requestId ? { requestId: f.requestId } : {}),
      ...(f.traceId ? { traceId: f.traceId } : {}),
      ...(f.timestamp ? { timestamp: f.timestamp } : {}),
      ...(f.appName ? { app: f.appName } : {}),
      ...(devicePlatform ? { devicePlatform } : {}),
      ...(deviceState ? { deviceState } : {}),
      network,
      ...(clockSkew ? { clockSkew } : {}),
      tried,
    },
  };
}
