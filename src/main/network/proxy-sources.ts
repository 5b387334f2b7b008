// Every place a proxy can be configured, read through ctx.exec: environment variables (any OS),
// Windows WinINET (per user, registry) and WinHTTP (machine, netsh), macOS (scutil --proxy) and
// GNOME (gsettings). Each becomes a ProxyRule our decisions and the fixes work from.
import type { ProxySource } from '../../shared/contract/network';
import type { EngineContext } from '../engine/types';
import { linuxProgram, macProgram, windowsProgram } from '../os/programs';
import { parseGVariantString, parseGVariantStringArray } from './gvariant-parse';
import { parseNetshWinHttp } from './netsh-winhttp-parse';
import { displayProxy, parseProxyAddress, proxyForScheme, splitBypassList, type BypassStyle, type ProxyAddress } from './proxy-rules';
import { connectionFlags, parseRegQuery, regDword, regString } from './reg-query-parse';
import { parseScutil, scutilList, scutilString } from './scutil-proxy-parse';

export const INTERNET_SETTINGS_KEY = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Internet Settings';
export const GNOME_PROXY_SCHEMA = 'org.gnome.system.proxy';
const EXEC_TIMEOUT_MS = 5000;

export interface ProxyRule {
  source: ProxySource;
  style: BypassStyle;
  /** Addresses with credentials (env/config only); never shown. */
  https?: ProxyAddress;
  http?: ProxyAddress;
  pacUrl?: string;
}

/** WinINET values exactly as read (the fixes store them to restore them on undo). */
export interface WinInetRaw {
  proxyEnable?: number;
  proxyServer?: string;
  proxyOverride?: string;
  autoConfigUrl?: string;
  flags?: number;
}

export interface GnomeRaw {
  /** As printed by gsettings ('manual'), for an exact restore. */
  modeText: string;
  ignoreHostsText: string;
}

export interface ProxySources {
  rules: ProxyRule[];
  primary: ProxyRule;
  winhttp?: ProxyRule;
  wininetRaw?: WinInetRaw;
  gnomeRaw?: GnomeRaw;
}

const direct = (source: ProxySource['source'], label: string, note?: string): ProxySource => ({
  source,
  label,
  mode: 'direct',
  bypass: [],
  ...(note ? { note } : {}),
});

const unavailable = (source: ProxySource['source'], label: string, note: string): ProxyRule => ({
  source: { source, label, mode: 'unavailable', bypass: [], note },
  style: 'env',
});

function execNote(r: { spawnError?: string; timedOut: boolean; code: number | null; stderr: string }, tool: string): string | undefined {
  if (r.spawnError === 'ENOENT') return `${tool} is not available`;
  if (r.spawnError) return `${tool} could not run (${r.spawnError})`;
  if (r.timedOut) return `${tool} did not answer in time`;
  if (r.code !== 0) return `${tool} failed (exit ${r.code ?? 'killed'}): ${r.stderr.trim().slice(0, 200)}`;
  return undefined;
}

export function envRule(env: NodeJS.ProcessEnv): ProxyRule | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '');
  const https = pick('HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy');
  const http = pick('HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy');
  const noProxy = pick('NO_PROXY', 'no_proxy');
  if (!https && !http) return undefined;
  const httpsAddress = parseProxyAddress(https);
  const httpAddress = parseProxyAddress(http);
  return {
    source: {
      source: 'env',
      label: 'Environment variables (HTTPS_PROXY / HTTP_PROXY / NO_PROXY)',
      mode: httpsAddress || httpAddress ? 'manual' : 'direct',
      ...(https ? { httpsProxy: displayProxy(https) } : {}),
      ...(http ? { httpProxy: displayProxy(http) } : {}),
      bypass: (noProxy ?? '').split(',').map((s) => s.trim()).filter(Boolean),
      ...(https && !httpsAddress ? { note: `HTTPS_PROXY is not a usable proxy address: ${displayProxy(https)}` } : {}),
    },
    style: 'env',
    ...(httpsAddress ? { https: httpsAddress } : {}),
    ...(httpAddress ? { http: httpAddress } : {}),
  };
}

/** The config's `network.proxy`: "DIRECT", a proxy URL, or "pac+<url>". */
export function configRule(text: string): ProxyRule {
  const label = 'Config file (network.proxy)';
  if (/^direct$/i.test(text.trim())) return { source: direct('config', label), style: 'env' };
  if (/^pac\+/i.test(text)) {
    const pacUrl = text.slice(4);
    return { source: { source: 'config', label, mode: 'pac', pacUrl, bypass: [] }, style: 'env', pacUrl };
  }
  const address = parseProxyAddress(text);
  if (!address) return unavailable('config', label, `not a proxy address: ${displayProxy(text)}`);
  return { source: { source: 'config', label, mode: 'manual', httpsProxy: displayProxy(text), httpProxy: displayProxy(text), bypass: [] }, style: 'env', https: address, http: address };
}

export function winInetRule(raw: WinInetRaw): ProxyRule {
  const label = 'Windows per-user proxy (WinINET: Edge, Teams, Office)';
  const manual = raw.proxyEnable === 1 && !!raw.proxyServer;
  const autoDetect = raw.flags !== undefined ? (raw.flags & 0x08) !== 0 : undefined;
  const bypass = splitBypassList(raw.proxyOverride);
  const httpsServer = manual ? proxyForScheme(raw.proxyServer, 'https') : undefined;
  const httpServer = manual ? proxyForScheme(raw.proxyServer, 'http') : undefined;
  const source: ProxySource = {
    source: 'wininet',
    label,
    // A PAC URL wins over the manual proxy in WinINET's order of evaluation.
    mode: raw.autoConfigUrl ? 'pac' : manual ? 'manual' : autoDetect ? 'auto-detect' : 'direct',
    ...(httpsServer ? { httpsProxy: httpsServer } : {}),
    ...(httpServer ? { httpProxy: httpServer } : {}),
    bypass,
    ...(raw.autoConfigUrl ? { pacUrl: raw.autoConfigUrl } : {}),
    ...(autoDetect !== undefined ? { autoDetect } : {}),
  };
  const https = parseProxyAddress(httpsServer, 80);
  const http = parseProxyAddress(httpServer, 80);
  return { source, style: 'wininet', ...(https ? { https } : {}), ...(http ? { http } : {}), ...(raw.autoConfigUrl ? { pacUrl: raw.autoConfigUrl } : {}) };
}

async function readWinInet(ctx: EngineContext): Promise<{ rule: ProxyRule; raw?: WinInetRaw }> {
  const label = 'Windows per-user proxy (WinINET: Edge, Teams, Office)';
  const [main, conn] = await Promise.all([
    ctx.exec(windowsProgram('reg'), ['query', INTERNET_SETTINGS_KEY], { timeoutMs: EXEC_TIMEOUT_MS }),
    ctx.exec(windowsProgram('reg'), ['query', `${INTERNET_SETTINGS_KEY}\\Connections`, '/v', 'DefaultConnectionSettings'], { timeoutMs: EXEC_TIMEOUT_MS }),
  ]);
  const problem = execNote(main, 'reg query');
  if (problem) return { rule: unavailable('wininet', label, problem) };
  const dump = parseRegQuery(main.stdout);
  if (!dump) return { rule: unavailable('wininet', label, 'the output of reg query was not understood') };
  const raw: WinInetRaw = {
    ...(regDword(dump, 'ProxyEnable') !== undefined ? { proxyEnable: regDword(dump, 'ProxyEnable')! } : {}),
    ...(regString(dump, 'ProxyServer') !== undefined ? { proxyServer: regString(dump, 'ProxyServer')! } : {}),
    ...(regString(dump, 'ProxyOverride') !== undefined ? { proxyOverride: regString(dump, 'ProxyOverride')! } : {}),
    ...(regString(dump, 'AutoConfigURL') ? { autoConfigUrl: regString(dump, 'AutoConfigURL')! } : {}),
  };
  const flags = conn.code === 0 ? connectionFlags(parseRegQuery(conn.stdout)) : undefined;
  if (flags !== undefined) raw.flags = flags;
  return { rule: winInetRule(raw), raw };
}

export function winHttpRule(text: string): ProxyRule {
  const label = 'Windows machine proxy (WinHTTP: sign-in broker WAM, services)';
  const parsed = parseNetshWinHttp(text);
  if (!parsed) return unavailable('winhttp', label, 'the output of netsh winhttp show proxy was not understood');
  if (parsed.direct || !parsed.proxyServer) return { source: direct('winhttp', label), style: 'wininet' };
  const httpsServer = proxyForScheme(parsed.proxyServer, 'https');
  const httpServer = proxyForScheme(parsed.proxyServer, 'http');
  const https = parseProxyAddress(httpsServer, 80);
  const http = parseProxyAddress(httpServer, 80);
  return {
    source: {
      source: 'winhttp',
      label,
      mode: 'manual',
      ...(httpsServer ? { httpsProxy: httpsServer } : {}),
      ...(httpServer ? { httpProxy: httpServer } : {}),
      bypass: splitBypassList(parsed.bypass),
    },
    style: 'wininet',
    ...(https ? { https } : {}),
    ...(http ? { http } : {}),
  };
}

async function readWinHttp(ctx: EngineContext): Promise<ProxyRule> {
  const r = await ctx.exec(windowsProgram('netsh'), ['winhttp', 'show', 'proxy'], { timeoutMs: EXEC_TIMEOUT_MS });
  const problem = execNote(r, 'netsh');
  return problem ? unavailable('winhttp', 'Windows machine proxy (WinHTTP)', problem) : winHttpRule(r.stdout);
}

export function macosRule(text: string): ProxyRule {
  const label = 'macOS network proxy (System Settings > Network)';
  const d = parseScutil(text);
  if (!d) return unavailable('macos', label, 'the output of scutil --proxy was not understood');
  const on = (key: string) => scutilString(d, key) === '1';
  const hostPort = (h: string, p: string) => {
    const host = scutilString(d, h);
    if (!host) return undefined;
    return `${host}:${scutilString(d, p) ?? '80'}`;
  };
  const httpsProxy = on('HTTPSEnable') ? hostPort('HTTPSProxy', 'HTTPSPort') : undefined;
  const httpProxy = on('HTTPEnable') ? hostPort('HTTPProxy', 'HTTPPort') : undefined;
  const pacUrl = on('ProxyAutoConfigEnable') ? scutilString(d, 'ProxyAutoConfigURLString') : undefined;
  const autoDetect = on('ProxyAutoDiscoveryEnable');
  const https = parseProxyAddress(httpsProxy, 80);
  const http = parseProxyAddress(httpProxy, 80);
  return {
    source: {
      source: 'macos',
      label,
      mode: pacUrl ? 'pac' : httpsProxy || httpProxy ? 'manual' : autoDetect ? 'auto-detect' : 'direct',
      ...(httpsProxy ? { httpsProxy } : {}),
      ...(httpProxy ? { httpProxy } : {}),
      bypass: scutilList(d, 'ExceptionsList'),
      ...(pacUrl ? { pacUrl } : {}),
      autoDetect,
    },
    style: 'macos',
    ...(https ? { https } : {}),
    ...(http ? { http } : {}),
    ...(pacUrl ? { pacUrl } : {}),
  };
}

async function readMacos(ctx: EngineContext): Promise<ProxyRule> {
  const r = await ctx.exec(macProgram('scutil'), ['--proxy'], { timeoutMs: EXEC_TIMEOUT_MS });
  const problem = execNote(r, 'scutil');
  return problem ? unavailable('macos', 'macOS network proxy', problem) : macosRule(r.stdout);
}

export interface GnomeValues {
  mode: string;
  autoconfigUrl: string;
  ignoreHosts: string;
  httpsHost: string;
  httpsPort: string;
  httpHost: string;
  httpPort: string;
}

export function gnomeRule(v: GnomeValues): ProxyRule {
  const label = 'GNOME proxy settings (gsettings org.gnome.system.proxy)';
  const mode = parseGVariantString(v.mode) ?? 'none';
  const bypass = parseGVariantStringArray(v.ignoreHosts) ?? [];
  const hostPort = (h: string, p: string) => {
    const host = parseGVariantString(h);
    const port = Number(p.trim().replace(/^uint32\s+/, ''));
    return host && Number.isInteger(port) && port > 0 ? `${host}:${port}` : undefined;
  };
  if (mode === 'auto') {
    const pacUrl = parseGVariantString(v.autoconfigUrl) || undefined;
    return {
      source: { source: 'gnome', label, mode: pacUrl ? 'pac' : 'auto-detect', bypass, ...(pacUrl ? { pacUrl } : {}), autoDetect: !pacUrl },
      style: 'gnome',
      ...(pacUrl ? { pacUrl } : {}),
    };
  }
  if (mode !== 'manual') return { source: { ...direct('gnome', label), bypass }, style: 'gnome' };
  const httpsProxy = hostPort(v.httpsHost, v.httpsPort);
  const httpProxy = hostPort(v.httpHost, v.httpPort);
  const https = parseProxyAddress(httpsProxy);
  const http = parseProxyAddress(httpProxy);
  return {
    source: { source: 'gnome', label, mode: 'manual', ...(httpsProxy ? { httpsProxy } : {}), ...(httpProxy ? { httpProxy } : {}), bypass },
    style: 'gnome',
    ...(https ? { https } : {}),
    ...(http ? { http } : {}),
  };
}

async function readGnome(ctx: EngineContext): Promise<{ rule?: ProxyRule; raw?: GnomeRaw }> {
  const get = (schema: string, key: string) => ctx.exec(linuxProgram('gsettings'), ['get', schema, key], { timeoutMs: EXEC_TIMEOUT_MS });
  const mode = await get(GNOME_PROXY_SCHEMA, 'mode');
  if (mode.spawnError === 'ENOENT') return {}; // no GNOME here: not a source
  const problem = execNote(mode, 'gsettings');
  if (problem) return { rule: unavailable('gnome', 'GNOME proxy settings', problem) };
  const [autoconfigUrl, ignoreHosts, httpsHost, httpsPort, httpHost, httpPort] = await Promise.all([
    get(GNOME_PROXY_SCHEMA, 'autoconfig-url'),
    get(GNOME_PROXY_SCHEMA, 'ignore-hosts'),
    get(`${GNOME_PROXY_SCHEMA}.https`, 'host'),
    get(`${GNOME_PROXY_SCHEMA}.https`, 'port'),
    get(`${GNOME_PROXY_SCHEMA}.http`, 'host'),
    get(`${GNOME_PROXY_SCHEMA}.http`, 'port'),
  ]);
  const values: GnomeValues = {
    mode: mode.stdout,
    autoconfigUrl: autoconfigUrl.stdout,
    ignoreHosts: ignoreHosts.stdout,
    httpsHost: httpsHost.stdout,
    httpsPort: httpsPort.stdout,
    httpHost: httpHost.stdout,
    httpPort: httpPort.stdout,
  };
  return { rule: gnomeRule(values), raw: { modeText: mode.stdout.trim(), ignoreHostsText: ignoreHosts.stdout.trim() } };
}

/** Reads every source of this OS; the primary one is what our probes (and most apps) follow. */
export async function readProxySources(ctx: EngineContext, override?: string): Promise<ProxySources> {
  const rules: ProxyRule[] = [];
  const config = override !== undefined ? configRule(override) : undefined;
  if (config) rules.push(config);
  const env = envRule(ctx.env);
  let primary: ProxyRule | undefined;
  let winhttp: ProxyRule | undefined;
  let wininetRaw: WinInetRaw | undefined;
  let gnomeRaw: GnomeRaw | undefined;
  if (ctx.platform === 'win32') {
    const [wininet, http] = await Promise.all([readWinInet(ctx), readWinHttp(ctx)]);
    rules.push(wininet.rule, http);
    if (env) rules.push(env);
    winhttp = http;
    wininetRaw = wininet.raw;
    primary = wininet.rule;
  } else if (ctx.platform === 'darwin') {
    const mac = await readMacos(ctx);
    rules.push(mac);
    if (env) rules.push(env);
    primary = mac;
  } else {
    if (env) rules.push(env);
    const gnome = await readGnome(ctx);
    if (gnome.rule) rules.push(gnome.rule);
    gnomeRaw = gnome.raw;
    // Command-line tools and most Linux apps follow the environment; desktop apps follow GNOME.
    primary = env ?? gnome.rule;
  }
  if (config) primary = config;
  if (!primary || primary.source.mode === 'unavailable') {
    primary = primary && primary.source.mode === 'unavailable' ? { ...primary, source: { ...primary.source } } : { source: direct('env', 'No proxy configured'), style: 'env' };
  }
  return { rules, primary, ...(winhttp ? { winhttp } : {}), ...(wininetRaw ? { wininetRaw } : {}), ...(gnomeRaw ? { gnomeRaw } : {}) };
}
