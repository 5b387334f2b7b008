// The "Message for IT": short, ready to paste into a ticket. Built from facts (the explained error,
// the device state, network and clock findings, the journal), never from raw pasted text, and
// redacted before it is shown or saved.
import type { Explanation } from '../../shared/contract/explain';
import type { DeviceSummary } from '../../shared/contract/device';
import type { ItMessage } from '../../shared/contract/report';
import type { DiagnosisResult } from '../../shared/contract/diagnosis';
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
  /** The verdict: the error (pasted or the newest Teams log failure) and the ranked causes. */
  verdict?: DiagnosisResult;
}

const MAX_CAUSES = 3;
const LABEL = { strong: 'strong', possible: 'possible', 'ruled-out': 'ruled out' } as const;

/** The top causes (strongest first, at most 3), each with its evidence facts; then one ruled-out line. */
export function causeLines(verdict: DiagnosisResult | undefined): { lines: string[]; summary: string[] } {
  const causes = verdict?.causes ?? [];
  const open = causes.filter((c) => c.strength !== 'ruled-out').slice(0, MAX_CAUSES);
  const out = causes.filter((c) => c.strength === 'ruled-out');
  const lines: string[] = [];
  const summary = open.map((c) => `${c.title} (${LABEL[c.strength]})`);
  open.forEach((c, i) => {
    lines.push(`${i + 1}. ${c.title} (${LABEL[c.strength]})`);
    for (const b of c.because) lines.push(`   - ${b.fact}`);
  });
  if (out.length) lines.push(`Checked and ruled out: ${out.map((c) => `${c.title} (${c.because.map((b) => b.fact).join('; ')})`).join('; ')}`);
  return { lines, summary };
}

const RESULT: Partial<Record<RunSummary['status'], string>> = { verified: 'verified', applied: 'applied, not verified yet', failed: 'failed', 'rolled-back': 'failed (rolled back)', undone: 'undone' };

function definedOf<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isCa(ex: Explanation | undefined, err: DiagnosisResult['error']): boolean {
  if (ex?.codes.some((c) => isConditionalAccessCode(c.family, c.code))) return true;
  return Boolean(err?.codes.some((c) => (c.family === 'aadsts' || c.family === 'wam') && isConditionalAccessCode(c.family, c.code)));
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
    .map((r) => `${when(r.startedAt)}  ${r.title} (${r.fixId}): ${RESULT[r.status] ?? r.status}${r.error ? ` — ${r.error.slice(0, 120)}` : ''}`);
}

export function buildItMessage(input: MessageInput): ItMessage {
  const ex = input.explanation;
  const err = input.verdict?.error;
  // The pasted text's fields first; else the error the verdict found (the newest Teams log failure).
  const f: Explanation['fields'] = { ...(err ? { correlationId: err.correlationId, requestId: err.requestId, timestamp: err.timestamp ?? (err.source.kind === 'teams-log' ? err.source.time : undefined), appName: err.appName } : {}), ...definedOf(ex?.fields ?? {}) };
  const exCodes = (ex?.codes ?? []).map((c) => (c.family === 'aadsts' ? `AADSTS${c.code}` : `0x${c.code}`) + (c.entry ? ` (${c.entry.name})` : ''));
  const codes = exCodes.length ? exCodes : (err?.codes ?? []).map((c) => `${c.display}${c.name ? ` (${c.name})` : ''}`);
  const source = err?.source;
  const sourceLine = source?.kind === 'teams-log' ? `Seen in: the ${source.client === 'linux' ? 'teams-for-linux' : `${source.client} Teams`} log ${source.file}, line ${source.line}` : undefined;
  const beforeLine = source?.beforeRepair ? `Note: this error is from before my repair ${source.beforeRepair.fixId} at ${when(source.beforeRepair.at)}` : undefined;
  const causes = causeLines(input.verdict);
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
  if (sourceLine) lines.push(sourceLine);
  if (beforeLine) lines.push(beforeLine);
  if (f.supportTag) lines.push(`Support tag (for Microsoft support): ${f.supportTag}`);
  // A paste with several errors: the one above is the newest; the older ones keep their own IDs.
  for (const older of (ex?.errors ?? []).slice(1)) {
    const o = older.fields;
    const ids = [o.correlationId && `Correlation ID ${o.correlationId}`, (o.requestId ?? o.traceId) && `Request ID ${o.requestId ?? o.traceId}`, o.timestamp && `at ${o.timestamp}`].filter(Boolean).join(', ');
    lines.push(`Earlier error in the same text: ${older.codes.map((c) => (c.family === 'aadsts' ? `AADSTS${c.code}` : `0x${c.code}`)).join(', ')}${ids ? ` (${ids})` : ''}`);
  }
  lines.push('');
  lines.push('Most likely causes (strongest first):');
  if (causes.lines.length) lines.push(...causes.lines);
  else lines.push('- none found on this device');
  lines.push('');
  lines.push('What I already tried:');
  if (tried.length) lines.push(...tried.map((t) => `- ${t}`));
  else lines.push('- no repairs (Sign-in Doctor has none on record)');
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
  if (isCa(ex, err)) {
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
      ...(causes.summary.length ? { causes: causes.summary } : {}),
    },
  };
}
