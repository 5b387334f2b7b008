// One reader per evidence test of knowledge/causes.ts: what the typed evidence of the findings says
// about one condition. Pure. A verdict is:
//   fault   - a measured value shows the condition (the only way to a "strong" cause)
//   doubt   - a measured value fits the condition but does not prove it
//   unknown - nothing was measured (the check did not run, or could not read the value)
//   fine    - a measured value rules the condition out (said with the value)
//   n/a     - the condition does not apply to this computer (the cause is left out)
import { describeOffset } from '../../shared/contract/clock';
import type { CauseFact, DiagnosisErrorInput } from '../../shared/contract/diagnosis';
import { evidenceOf, findingsWith, firstWith, type FindingKey } from '../../shared/contract/findings';
import { isFixId, type FixId } from '../../shared/contract/fixes';
import type { EndpointResult } from '../../shared/contract/network';
import { familyOfCode, type EvidenceKind, type EvidenceTest } from '../../shared/knowledge/causes';
import type { Finding } from '../../shared/model';

export type Verdict = 'fault' | 'doubt' | 'unknown' | 'fine' | 'n/a';

export interface Observation {
  verdict: Verdict;
  facts: CauseFact[];
  /** Repairs the findings behind a fault offer (a rule's findingFixes are taken from these). */
  offered: FixId[];
}

export interface TestContext {
  findings: readonly Finding[];
  error?: DiagnosisErrorInput;
  now: Date;
}

type Reader<K extends EvidenceKind> = (test: Extract<EvidenceTest, { kind: K }>, ctx: TestContext) => Observation;

const ERROR = 'error';
const obs = (verdict: Verdict, facts: CauseFact[] = [], offered: readonly string[] = []): Observation => ({ verdict, facts, offered: offered.filter(isFixId) });
const fact = (findingId: string, text: string): CauseFact => ({ findingId, fact: text });
const has = (findings: readonly Finding[], key: FindingKey) => findingsWith(findings, key).length > 0;
const yesNo = (v: boolean | undefined) => (v === undefined ? '?' : v ? 'YES' : 'NO');

/** "0.2 s slow", "7 minutes fast": small offsets in tenths of a second, the rest as the clock card says. */
export function offsetWords(offsetMs: number): string {
  const abs = Math.abs(offsetMs);
  if (abs < 10_000) return `${(abs / 1000).toFixed(1)} s ${offsetMs < 0 ? 'fast' : 'slow'}`;
  return describeOffset(offsetMs);
}

// ---- device ----

function joinFacts(findings: readonly Finding[]) {
  const join = firstWith(findings, 'device.join-state');
  if (!join) return undefined;
  const e = join.evidence;
  if (!('joinState' in e)) return { id: join.finding.id, state: undefined, text: `dsregcmd could not be read (${e.spawnError ?? (e.timedOut ? 'timed out' : `exit ${e.exitCode ?? '?'}`)})` } as const;
  const flags = `AzureAdJoined ${yesNo(e.azureAdJoined)}, DomainJoined ${yesNo(e.domainJoined)}, WorkplaceJoined ${yesNo(e.workplaceJoined)}`;
  return { id: join.finding.id, state: e.joinState, text: `dsregcmd: ${flags}` } as const;
}

/** What the error page says of the device ("Device identifier: Not available", "Device state: Unregistered"). */
function errorDeviceFacts(error: DiagnosisErrorInput | undefined): CauseFact[] {
  const out: CauseFact[] = [];
  if (error?.deviceId && /^not\s+available$/i.test(error.deviceId.trim())) out.push(fact(ERROR, 'The error page says Device identifier: Not available (Entra ID could not identify the device)'));
  if (error?.deviceState && /unregistered|not\s+registered/i.test(error.deviceState)) out.push(fact(ERROR, `The error page says Device state: ${error.deviceState}`));
  return out;
}

const deviceRegistered: Reader<'device-registered'> = (_t, { findings, error }) => {
  const fromError = errorDeviceFacts(error);
  const withError = (o: Observation): Observation => {
    if (!fromError.length) return o;
    // The server's word that the device is unknown: a doubt where nothing local was measured (or it contradicts the local state).
    const verdict = o.verdict === 'fault' ? 'fault' : 'doubt';
    return { ...o, verdict, facts: [...o.facts, ...fromError] };
  };
  const join = joinFacts(findings);
  if (join) {
    if (join.state === undefined || join.state === 'unknown') return withError(obs('unknown', [fact(join.id, join.state === 'unknown' ? 'dsregcmd gave no join state' : join.text)]));
    if (join.state === 'not-registered') return withError(obs('fault', [fact(join.id, `${join.text}: Entra ID does not know this device`)]));
    if (join.state === 'domain-joined-only') return withError(obs('fault', [fact(join.id, `${join.text}: joined to the local domain only, unknown to Entra ID`)]));
    return withError(obs('fine', [fact(join.id, `${join.text}: the device is known to Entra ID`)]));
  }
  const psso = firstWith(findings, 'device.platform-sso');
  const portal = firstWith(findings, 'device.company-portal');
  if (psso || portal) {
    if (psso?.evidence.deviceRegistration === 'registered') return withError(obs('fine', [fact(psso.finding.id, 'Platform SSO: device registered')]));
    if (portal && !portal.evidence.present && psso?.evidence.deviceRegistration === 'not-registered') {
      return withError(obs('fault', [fact(psso.finding.id, 'Platform SSO: device not registered'), fact(portal.finding.id, 'Company Portal is not installed')]));
    }
    const facts = [...(psso ? [fact(psso.finding.id, `Platform SSO: device ${psso.evidence.deviceRegistration}`)] : []), ...(portal ? [fact(portal.finding.id, portal.evidence.present ? 'Company Portal is installed: only Intune knows whether the Mac is enrolled' : 'Company Portal is not installed')] : [])];
    return withError(obs('unknown', facts));
  }
  const linux = firstWith(findings, 'device.linux-management');
  if (linux) {
    return withError(
      linux.evidence.found.length
        ? obs('fine', [fact(linux.finding.id, `Intune for Linux / identity broker installed (${linux.evidence.found.join(', ')})`)])
        : obs('fault', [fact(linux.finding.id, 'Neither Intune for Linux nor the Microsoft Identity Broker is installed')]),
    );
  }
  return withError(obs('unknown', [fact('device', 'The device checks did not run')]));
};

const hybridJoined: Reader<'hybrid-joined'> = (_t, { findings }) => {
  const join = joinFacts(findings);
  if (join) {
    if (join.state === undefined || join.state === 'unknown') return obs('unknown', [fact(join.id, join.state === 'unknown' ? 'dsregcmd gave no join state' : join.text)]);
    if (join.state === 'hybrid-joined') return obs('fine', [fact(join.id, `${join.text}: hybrid joined`)]);
    if (join.state === 'domain-joined-only') return obs('fault', [fact(join.id, `${join.text}: domain joined, but the hybrid join to Entra ID has not finished`)]);
    return obs('fault', [fact(join.id, `${join.text}: not joined to the domain`)]);
  }
  const os = firstWith(findings, 'device.os');
  if (os && os.evidence.policyPlatform !== 'Windows') return obs('fault', [fact(os.finding.id, `This computer runs ${os.evidence.osName}: only Windows computers can be hybrid joined`)]);
  return obs('unknown', [fact('device', 'The device checks did not run')]);
};

const deviceAuth: Reader<'device-auth'> = (_t, { findings }) => {
  const facts: CauseFact[] = [];
  let verdict: Verdict | undefined;
  const auth = firstWith(findings, 'device.auth-status');
  if (auth) {
    verdict = 'fault';
    facts.push(fact(auth.finding.id, `DeviceAuthStatus: ${auth.evidence.deviceAuthStatus ?? 'FAILED'} (the device object is disabled or deleted)`));
  }
  const missing = firstWith(findings, 'device.prt-missing');
  const expired = firstWith(findings, 'device.prt-expired');
  const ok = firstWith(findings, 'device.prt');
  if (missing) {
    verdict = 'fault';
    facts.push(fact(missing.finding.id, 'AzureAdPrt: NO on a joined device'));
  } else if (expired) {
    verdict = 'fault';
    facts.push(fact(expired.finding.id, `The PRT expired at ${expired.evidence.azureAdPrtExpiryTime}`));
  } else if (ok && !verdict) {
    verdict = 'fine';
    facts.push(fact(ok.finding.id, `AzureAdPrt: YES${ok.evidence.azureAdPrtExpiryTime ? `, valid until ${ok.evidence.azureAdPrtExpiryTime}` : ''}`));
  }
  const last = firstWith(findings, 'device.last-error');
  if (last) facts.push(fact(last.finding.id, `Last ${last.evidence.source === 'prt' ? 'PRT' : 'registration'} error: ${last.evidence.code ?? 'failed'}${last.evidence.correlationId ? ` (Correlation ID ${last.evidence.correlationId})` : ''}`));
  if (verdict) return obs(verdict, facts);
  const join = joinFacts(findings);
  if (join) {
    if (join.state === 'entra-joined' || join.state === 'hybrid-joined') return obs('unknown', [...facts, fact(join.id, 'Joined, but dsregcmd said nothing about the PRT')]);
    if (join.state === undefined || join.state === 'unknown') return obs('unknown', [...facts, fact(join.id, join.state === 'unknown' ? 'dsregcmd gave no join state' : join.text)]);
    return obs('n/a', facts); // not joined: registration is the cause, not the PRT
  }
  const psso = firstWith(findings, 'device.platform-sso');
  if (psso && psso.evidence.deviceRegistration === 'registered') {
    if (psso.evidence.userRegistration === 'not-registered') return obs('fault', [fact(psso.finding.id, 'Platform SSO: device registered, user NOT registered (no SSO token for you)')]);
    if (psso.evidence.userRegistration === 'registered') return obs('fine', [fact(psso.finding.id, 'Platform SSO: device and user registered')]);
    return obs('unknown', [fact(psso.finding.id, 'Platform SSO: user registration unknown')]);
  }
  if (psso || has(findings, 'device.linux-management') || has(findings, 'device.company-portal')) return obs('n/a');
  return obs('unknown', [fact('device', 'The device checks did not run')]);
};

const complianceReporting: Reader<'compliance-reporting'> = (_t, { findings }) => {
  const serverOnly = 'whether Intune marks it compliant is known only to the server';
  const join = joinFacts(findings);
  if (join?.state === 'entra-joined' || join?.state === 'hybrid-joined' || join?.state === 'registered') {
    const prt = firstWith(findings, 'device.prt');
    return obs('doubt', [fact(join.id, `${join.text}${prt ? ', PRT present' : ''}: ${serverOnly}`)]);
  }
  const portal = firstWith(findings, 'device.company-portal');
  if (portal) {
    return portal.evidence.present
      ? obs('doubt', [fact(portal.finding.id, `Company Portal is installed: ${serverOnly}`)])
      : obs('fault', [fact(portal.finding.id, 'Company Portal is not installed: this Mac cannot report compliance')]);
  }
  const linux = firstWith(findings, 'device.linux-management');
  if (linux) {
    return linux.evidence.found.length
      ? obs('doubt', [fact(linux.finding.id, `Intune for Linux is installed: ${serverOnly}`)])
      : obs('fault', [fact(linux.finding.id, 'Intune for Linux is not installed: this computer cannot report compliance')]);
  }
  if (join?.state === 'not-registered' || join?.state === 'domain-joined-only') return obs('n/a'); // registration comes first
  return obs('unknown', [join ? fact(join.id, join.text) : fact('device', 'The device checks did not run')]);
};

const platform: Reader<'platform'> = (t, { findings, error }) => {
  const os = firstWith(findings, 'device.os');
  const fromError = error?.devicePlatform ? [fact(ERROR, `The error names the device platform ${error.devicePlatform}`)] : [];
  if (!os) return t.decisive || fromError.length ? obs('unknown', [...fromError, fact('device', 'The device checks did not run')]) : obs('n/a');
  const here = fact(os.finding.id, `This computer reports the platform ${os.evidence.policyPlatform} (${os.evidence.osName} ${os.evidence.osVersion})`);
  if (t.decisive) return obs('fault', [here, ...fromError]);
  if (os.evidence.policyPlatform === 'Linux') return obs('doubt', [fact(os.finding.id, `This computer runs Linux (${os.evidence.osName}): many policies allow only Windows, macOS and mobile platforms`), ...fromError]);
  return obs('n/a');
};

const clientApp: Reader<'client-app'> = (t, { error }) => {
  if (error?.appName) return obs('doubt', [fact(ERROR, `The error names the app "${error.appName}"`)]);
  return t.decisive ? obs('unknown', [fact(ERROR, 'The error does not name the app')]) : obs('n/a');
};

// ---- clock ----

const clockSkew: Reader<'clock-skew'> = (t, { findings }) => {
  const skew = firstWith(findings, 'clock.skew');
  if (!skew) return obs('unknown', [fact('clock', 'The clock was not checked')]);
  const off = skew.evidence.offsetMs;
  if (off === undefined) return obs('unknown', [fact(skew.finding.id, 'The clock could not be measured (no time server or Date header answered)')]);
  const via = skew.evidence.method === 'sntp' ? 'NTP' : 'the sign-in endpoint\'s Date header';
  const abs = Math.abs(off);
  const words = `Clock ${offsetWords(off)} (measured against ${via})`;
  if (t.strongOverMs !== undefined && abs > t.strongOverMs) return obs('fault', [fact(skew.finding.id, words)], skew.finding.fixes);
  if (abs > t.possibleOverMs) return obs('doubt', [fact(skew.finding.id, `${words}: enough to matter, not proof`)], skew.finding.fixes);
  return obs('fine', [fact(skew.finding.id, `${words}: fine`)]);
};

// ---- smart card ----

function cacBlocked(findings: readonly Finding[]): Observation | undefined {
  const missing = firstWith(findings, 'cac.binding-missing');
  if (missing) return obs('unknown', [fact(missing.finding.id, `Smart card checks could not run (${missing.evidence.reason})`)]);
  const service = firstWith(findings, 'cac.service');
  if (service?.evidence.code) return obs('unknown', [fact(service.finding.id, `The smart card service did not answer (${service.evidence.code})`)]);
  return undefined;
}

const cardService: Reader<'card-service'> = (_t, { findings }) => {
  const missing = firstWith(findings, 'cac.binding-missing');
  if (missing) return obs('unknown', [fact(missing.finding.id, `Smart card checks could not run (${missing.evidence.reason})`)]);
  const service = firstWith(findings, 'cac.service');
  if (!service) return obs('unknown', [fact('cac', 'The smart card checks did not run')]);
  if (service.evidence.code) return obs('fault', [fact(service.finding.id, `The smart card service did not answer (${service.evidence.code})`)], service.finding.fixes);
  return obs('fine', [fact(service.finding.id, `The smart card service answers (${service.evidence.binding})`)]);
};

const cardPresent: Reader<'card-present'> = (_t, { findings }) => {
  const blocked = cacBlocked(findings);
  if (blocked) return blocked;
  const readers = firstWith(findings, 'cac.readers');
  if (readers && !readers.evidence.readers?.length) return obs('fault', [fact(readers.finding.id, 'No smart card reader is attached')]);
  const card = firstWith(findings, 'cac.card');
  if (card) {
    const e = card.evidence;
    if (e.code === 'card-removed') return obs('fault', [fact(card.finding.id, 'The card was removed while it was being read')]);
    if (e.code) return obs('fault', [fact(card.finding.id, `The card could not be read (${e.code})`)]);
    if (e.atr || e.slots) return obs('fine', [fact(card.finding.id, `A card is in the reader and was read (${(e.slots ?? []).filter((s) => s.status === 'present').length} certificate(s))`)]);
    return obs('fault', [fact(card.finding.id, 'No card is in the reader')]);
  }
  if (readers) return obs('unknown', [fact(readers.finding.id, 'A reader is attached; the card was not read')]);
  return obs('unknown', [fact('cac', 'The smart card checks did not run')]);
};

function cardRead(findings: readonly Finding[]) {
  const card = firstWith(findings, 'cac.card');
  return card && !card.evidence.code && (card.evidence.atr || card.evidence.slots) ? card : undefined;
}

const cardCertificate: Reader<'card-certificate'> = (_t, { findings }) => {
  const bad = [...findingsWith(findings, 'cac.cert-expired-*'), ...findingsWith(findings, 'cac.cert-not-yet-valid-*')];
  if (bad.length) {
    return obs(
      'fault',
      bad.map((b) => fact(b.finding.id, `${b.finding.id.includes('expired') ? 'Expired' : 'Not yet valid'}: slot ${b.evidence.slot} certificate (${b.evidence.notBefore} to ${b.evidence.notAfter})`)),
    );
  }
  const card = cardRead(findings);
  if (card) {
    const auth = card.evidence.slots?.find((s) => s.slot === '9a' && s.notAfter);
    return obs('fine', [fact(card.finding.id, auth ? `The PIV Authentication certificate is valid until ${auth.notAfter}` : 'No expired certificate on the card')]);
  }
  return cacBlocked(findings) ?? obs('unknown', [fact('cac', 'No card was read')]);
};

const cardChain: Reader<'card-chain'> = (_t, { findings }) => {
  const bad = [...findingsWith(findings, 'cac.chain-not-dod-*'), ...findingsWith(findings, 'cac.chain-untrusted-*')];
  if (bad.length) return obs('fault', bad.map((b) => fact(b.finding.id, `Slot ${b.evidence.slot}: the chain ${b.finding.id.includes('untrusted') ? 'is not trusted here' : 'does not end at a DoD root'} (${b.evidence.path.join(' > ')})`)), bad.flatMap((b) => b.finding.fixes));
  const card = cardRead(findings);
  if (card) return obs('fine', [fact(card.finding.id, 'The card\'s certificates chain to a trusted root here')]);
  return cacBlocked(findings) ?? obs('unknown', [fact('cac', 'No card was read')]);
};

// ---- Teams logs ----

const signinLoop: Reader<'signin-loop'> = (t, { findings }) => {
  const failureFinding = firstWith(findings, 'teams.log-signin-failure');
  const loopFinding = firstWith(findings, 'teams.log-signin-loop');
  const clean = firstWith(findings, 'teams.logs-clean');
  if (!failureFinding && !loopFinding && !clean) return obs('unknown', [fact('teams', 'The Teams logs were not read')]);
  if (clean && !failureFinding) return obs('fine', [fact(clean.finding.id, `No sign-in failure in the Teams logs (${clean.evidence.filesRead} file(s) read): not a loop`)]);
  const seen = new Map<string, { time?: string; display: string }>();
  for (const f of [...(failureFinding?.evidence.failures ?? []), ...(loopFinding?.evidence.failures ?? [])]) {
    const code = f.codes.find((c) => familyOfCode(c.family, c.code) === 'stale-token');
    if (code) seen.set(`${f.file}:${f.line}`, { ...(f.time ? { time: f.time } : {}), display: code.display });
  }
  const stale = [...seen.values()];
  const times = stale.flatMap((s) => (s.time ? [Date.parse(s.time)] : [])).filter(Number.isFinite);
  const newest = times.length ? Math.max(...times) : undefined;
  const inWindow = newest === undefined ? [] : stale.filter((s) => s.time && newest - Date.parse(s.time) <= t.windowMs);
  const codes = [...new Set(stale.map((s) => s.display))].join(', ');
  const id = loopFinding?.finding.id ?? failureFinding!.finding.id;
  if (inWindow.length >= t.minCount) {
    return obs('fault', [fact(id, `${inWindow.length} stale sign-in failures (${codes}) in the Teams logs within ${Math.round(t.windowMs / 3_600_000)} h: a loop`)]);
  }
  if (loopFinding) return obs('fault', [fact(loopFinding.finding.id, `The Teams logs show a sign-in loop (${Object.entries(loopFinding.evidence.counts).map(([c, n]) => `${c} ×${n}`).join(', ')})`)]);
  return obs('fine', [fact(id, stale.length ? `${codes} seen ${stale.length} time(s) in the Teams logs: not repeating` : 'No stale sign-in failures in the Teams logs: not a loop')]);
};

// ---- network ----

const HOST_ROLES: Array<[RegExp, 'device' | 'cac' | 'sign-in']> = [
  [/^(device\.login\.microsoftonline\.(com|us)|enterpriseregistration\.(windows\.net|microsoftonline\.us))$/i, 'device'],
  [/^(.+\.)?certauth\.login\.microsoftonline\.(com|us)$/i, 'cac'],
  [/^login\.(microsoftonline|microsoft)\.(com|us)$/i, 'sign-in'],
];

function endpoints(findings: readonly Finding[]) {
  return firstWith(findings, 'network.reachability');
}

function roleOf(host: string, list: readonly EndpointResult[]): string | undefined {
  const e = list.find((x) => x.name === host || x.host === host);
  return e?.role ?? HOST_ROLES.find(([re]) => re.test(host))?.[1];
}

const notRun = () => obs('unknown', [fact('network', 'The network checks did not run')]);

function problem(findings: readonly Finding[], keys: readonly FindingKey[], roles: readonly string[] | undefined, say: (host: string, failure?: string) => string): Observation | undefined {
  const list = endpoints(findings)?.evidence.endpoints ?? [];
  const facts: CauseFact[] = [];
  const offered: string[] = [];
  for (const key of keys) {
    for (const f of findings) {
      const e = evidenceOf(f, key as 'network.dns-failed');
      if (!e) continue;
      const hosts = e.failures.filter((x) => !roles || roles.includes(roleOf(x.host, list) ?? ''));
      if (!hosts.length) continue;
      facts.push(...hosts.map((h) => fact(f.id, say(h.host, h.failure))));
      offered.push(...f.fixes);
    }
  }
  return facts.length ? obs('fault', facts, offered) : undefined;
}

function signInEndpoints(list: readonly EndpointResult[]) {
  return list.filter((e) => e.role === 'sign-in');
}

const tlsInspection: Reader<'tls-inspection'> = (t, { findings }) => {
  const reach = endpoints(findings);
  const list = reach?.evidence.endpoints ?? [];
  const found = problem(findings, ['network.tls-intercepted'], t.roles, (h) => `TLS to ${h} is intercepted: the chain ends at a locally added root`);
  if (found) return found;
  const intercepted = list.filter((e) => t.roles.includes(e.role as never) && e.tls.intercepted);
  if (intercepted.length && reach) return obs('fault', intercepted.map((e) => fact(reach.finding.id, `TLS to ${e.name} is intercepted (${e.tls.localRoot ?? 'a local root'})`)));
  if (!reach) return notRun();
  const probed = list.filter((e) => t.roles.includes(e.role as never) && e.tls.ok);
  if (probed.length) return obs('fine', probed.map((e) => fact(reach.finding.id, `TLS to ${e.name} presents a publicly trusted chain: no inspection`)));
  const tried = list.filter((e) => t.roles.includes(e.role as never));
  return obs('unknown', [fact(reach.finding.id, tried.length ? `TLS to ${tried.map((e) => e.name).join(', ')} could not be completed` : `No ${t.roles.join('/')} host is probed for the ${reach.evidence.cloud} cloud`)]);
};

const proxyMismatch: Reader<'proxy-mismatch'> = (_t, { findings }) => {
  const mismatch = firstWith(findings, 'network.proxy-mismatch');
  if (mismatch) return obs('fault', mismatch.evidence.differing.map((d) => fact(mismatch.finding.id, `${d.host}: browser (WinINET) ${d.wininet}, sign-in broker (WinHTTP) ${d.winhttp ?? 'unknown'}`)));
  const proxy = firstWith(findings, 'network.proxy');
  if (!proxy) return notRun();
  const compared = proxy.evidence.decisions.filter((d) => d.winhttp !== undefined);
  if (!compared.length) return obs('n/a'); // not Windows: there is one proxy road
  return obs('fine', [fact(proxy.finding.id, `WinINET and WinHTTP agree for ${compared.length} endpoint(s) (${compared[0]!.host}: ${compared[0]!.ours})`)]);
};

function reachOk(findings: readonly Finding[], what: (e: EndpointResult) => boolean, say: (e: EndpointResult) => string): Observation {
  const reach = endpoints(findings);
  if (!reach) return notRun();
  const good = signInEndpoints(reach.evidence.endpoints).filter(what);
  if (good.length) return obs('fine', good.slice(0, 2).map((e) => fact(reach.finding.id, say(e))));
  return obs('unknown', [fact(reach.finding.id, 'No sign-in endpoint got that far')]);
}

const proxyAuth: Reader<'proxy-auth'> = (_t, { findings }) =>
  problem(findings, ['network.proxy-auth-required'], undefined, (h) => `The proxy answered 407 (authentication required) for ${h}`) ??
  reachOk(findings, (e) => e.tcp.ok && e.failure !== 'proxy-auth-required', (e) => `${e.name} via ${e.route.decision}: no proxy authentication asked`);

const dns: Reader<'dns'> = (_t, { findings }) =>
  problem(findings, ['network.dns-failed'], undefined, (h, f) => `${h} does not resolve (${f ?? 'DNS failed'})`) ??
  reachOk(findings, (e) => e.dns.ok, (e) => `${e.name} resolves${e.dns.addresses.length ? ` to ${e.dns.addresses.slice(0, 2).join(', ')}` : ''}`);

const reachable: Reader<'reachable'> = (_t, { findings }) =>
  problem(findings, ['network.unreachable', 'network.proxy-refused'], undefined, (h, f) => `${h} cannot be reached (${f ?? 'failed'})`) ??
  reachOk(findings, (e) => e.tcp.ok, (e) => `${e.name}:${e.port} answers TCP${e.tcp.ms !== undefined ? ` in ${Math.round(e.tcp.ms)} ms` : ''} via ${e.route.decision}`);

const tlsHandshake: Reader<'tls-handshake'> = (_t, { findings }) =>
  problem(findings, ['network.tls-failed'], undefined, (h, f) => `The TLS handshake with ${h} fails (${f ?? 'failed'})`) ??
  reachOk(findings, (e) => e.tls.ok, (e) => `TLS with ${e.name} succeeds${e.tls.protocol ? ` (${e.tls.protocol})` : ''}`);

const vpn: Reader<'vpn'> = (t, { findings }) => {
  const v = firstWith(findings, 'network.vpn');
  if (!v) return notRun();
  if (v.evidence.error) return obs('unknown', [fact(v.finding.id, `The network adapters could not be read (${v.evidence.error})`)]);
  const up = v.evidence.interfaces ?? [];
  if (up.length) return obs('doubt', [fact(v.finding.id, `A VPN is up (${up.map((i) => i.label).join(', ')}): the sign-in comes from the VPN's address`)]);
  return t.downMatters ? obs('doubt', [fact(v.finding.id, 'No VPN is up: the sign-in comes from this network\'s address')]) : obs('n/a');
};

export const READERS: { [K in EvidenceKind]: Reader<K> } = {
  'device-registered': deviceRegistered,
  'hybrid-joined': hybridJoined,
  'device-auth': deviceAuth,
  'compliance-reporting': complianceReporting,
  'tls-inspection': tlsInspection,
  'clock-skew': clockSkew,
  vpn,
  platform,
  'client-app': clientApp,
  'card-present': cardPresent,
  'card-service': cardService,
  'card-certificate': cardCertificate,
  'card-chain': cardChain,
  'signin-loop': signinLoop,
  'proxy-mismatch': proxyMismatch,
  'proxy-auth': proxyAuth,
  dns,
  reachable,
  'tls-handshake': tlsHandshake,
};

export function observe(test: EvidenceTest, ctx: TestContext): Observation {
  return (READERS[test.kind] as Reader<EvidenceKind>)(test as never, ctx);
}
