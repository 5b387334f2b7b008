// The two proxy repairs, both per user and undoable to the exact previous value:
// network.proxy-disable turns a stale per-user proxy off (WinINET ProxyEnable / AutoConfigURL,
// GNOME mode), network.proxy-bypass-add puts the Microsoft sign-in hosts on the bypass list
// (WinINET ProxyOverride, GNOME ignore-hosts). The previous values travel in the step data, so
// the journal holds them and undo needs nothing else.
import { z } from 'zod';
import { networkFixOptions } from '../../shared/contract/network';
import type { FixPlan, RunRecord, Step, VerifyResult } from '../../shared/model';
import type { EngineContext, FixContext, FixDefinition, FixScope, UndoPreparation } from '../engine/types';
import { linuxProgram, windowsProgram } from '../os/programs';
import { CLOUD_DEFINITIONS } from './endpoints';
import { gvariantString, gvariantStringArray, parseGVariantString, parseGVariantStringArray } from './gvariant-parse';
import { IT_WARNING } from './network-findings';
import { bypasses, splitBypassList } from './proxy-rules';
import { GNOME_PROXY_SCHEMA, INTERNET_SETTINGS_KEY, envRule, readProxySources, type ProxySources } from './proxy-sources';
import type { GsettingsSetStepData, RegDataValue, RegSetStepData } from './network-steps';

const RESTART_NOTE = 'Apps that are already open (Teams, Outlook, the browser) may keep the old setting until they are restarted.';
const MAC_BLOCK =
  'On macOS the proxy is set per network service in System Settings > Network > (your network) > Details > Proxies, often by a configuration profile from IT. Sign-in Doctor does not change it; the finding above shows what is set.';

const regSz = (data: string): RegDataValue => ({ type: 'REG_SZ', data });
const regDword = (n: number): RegDataValue => ({ type: 'REG_DWORD', data: String(n >>> 0) });

function basePlan(fixId: string, title: string): Omit<FixPlan, 'summary' | 'changes' | 'steps' | 'undoDescription'> {
  return { fixId, title, keeps: [], needsAdmin: false, needsClosed: [], undoable: true, warnings: [IT_WARNING] };
}

function envWarning(ctx: EngineContext): string[] {
  const env = envRule(ctx.env);
  return env && env.source.mode === 'manual'
    ? [`The environment also sets a proxy (${env.source.httpsProxy ?? env.source.httpProxy}); this repair does not change environment variables (they come from your shell profile, /etc/environment or a policy).`]
    : [];
}

function blockedPlan(plan: Omit<FixPlan, 'summary' | 'changes' | 'steps' | 'undoDescription'>, reason: string): FixPlan {
  return { ...plan, summary: reason, changes: [], steps: [], undoDescription: 'Nothing would change.', blockedBy: reason };
}

function unreadable(sources: ProxySources, source: 'wininet' | 'gnome'): string | undefined {
  const rule = sources.rules.find((r) => r.source.source === source);
  return rule?.source.mode === 'unavailable' ? `the proxy settings could not be read: ${rule.source.note ?? 'unknown error'}` : undefined;
}

/** Only the registry values and GNOME keys a fix itself sets, on the OS it plans for. */
function settingsScope(ctx: { platform: string }, regNames: readonly string[], gnomeKey: string): FixScope {
  return {
    stepKinds: ['network.reg-set', 'network.gsettings-set'],
    roots: [],
    check(step) {
      if (step.kind === 'network.reg-set') return ctx.platform === 'win32' && regNames.includes(String(step.data.name)) ? undefined : `it sets the registry value ${String(step.data.name).slice(0, 40)}, which this fix never changes`;
      return ctx.platform === 'linux' && step.data.key === gnomeKey ? undefined : `it sets the GNOME key ${String(step.data.key).slice(0, 40)}, which this fix never changes`;
    },
  };
}

// ---- network.proxy-disable ----

const NoOptions = networkFixOptions['network.proxy-disable'];

export const proxyDisableFix: FixDefinition<z.infer<typeof NoOptions>> = {
  id: 'network.proxy-disable',
  domain: 'network',
  title: 'Turn off the per-user proxy',
  description: 'Turns off a stale per-user proxy (Windows Internet Options / GNOME), keeping its address so undo turns it back on exactly as it was.',
  options: NoOptions,
  scope: (ctx) => settingsScope(ctx, ['ProxyEnable', 'AutoConfigURL'], 'mode'),
  async plan(ctx) {
    const base = basePlan(this.id, this.title);
    const sources = await readProxySources(ctx);
    const steps: Step[] = [];
    const changes: string[] = [];
    if (ctx.platform === 'win32') {
      const problem = unreadable(sources, 'wininet');
      if (problem || !sources.wininetRaw) return blockedPlan(base, problem ?? 'the Windows proxy settings could not be read');
      const raw = sources.wininetRaw;
      if (raw.proxyEnable === 1) {
        const data: RegSetStepData = { key: INTERNET_SETTINGS_KEY, name: 'ProxyEnable', value: regDword(0), previous: regDword(1) };
        steps.push({ kind: 'network.reg-set', description: `Set ProxyEnable to 0 (was 1, proxy ${raw.proxyServer ?? 'unset'})`, data });
        changes.push(`Windows "Use a proxy server" is turned off (it points at ${raw.proxyServer ?? 'nothing'}).`);
      }
      if (raw.autoConfigUrl) {
        const data: RegSetStepData = { key: INTERNET_SETTINGS_KEY, name: 'AutoConfigURL', value: null, previous: regSz(raw.autoConfigUrl) };
        steps.push({ kind: 'network.reg-set', description: `Remove the setup script address AutoConfigURL (was ${raw.autoConfigUrl})`, data });
        changes.push(`Windows "Use setup script" (${raw.autoConfigUrl}) is turned off.`);
      }
      if (!steps.length) return blockedPlan(base, 'No per-user proxy is turned on: there is nothing to turn off.');
      return {
        ...base,
        summary: 'Turns off the per-user Windows proxy in HKCU\\…\\Internet Settings. The proxy address stays saved.',
        changes,
        keeps: [raw.proxyServer ? `The proxy address (${raw.proxyServer}) and the bypass list stay saved.` : 'The bypass list stays saved.', 'The machine-wide WinHTTP proxy is not touched.'],
        steps,
        undoDescription: 'Undo writes the previous values back exactly (ProxyEnable, AutoConfigURL).',
        warnings: [...base.warnings, RESTART_NOTE, ...envWarning(ctx)],
      };
    }
    if (ctx.platform === 'linux') {
      const problem = unreadable(sources, 'gnome');
      if (problem) return blockedPlan(base, problem);
      if (!sources.gnomeRaw) {
        return blockedPlan(base, envRule(ctx.env) ? 'The proxy comes from environment variables (HTTPS_PROXY...), set in your shell profile or /etc/environment: remove it there. No GNOME proxy settings were found.' : 'No GNOME proxy settings were found, and no proxy is set.');
      }
      const mode = parseGVariantString(sources.gnomeRaw.modeText);
      if (mode === 'none' || mode === undefined) return blockedPlan(base, 'The GNOME proxy is already off (mode none).');
      const data: GsettingsSetStepData = { schema: GNOME_PROXY_SCHEMA, key: 'mode', value: gvariantString('none'), previous: sources.gnomeRaw.modeText };
      return {
        ...base,
        summary: `Sets the GNOME proxy mode to "none" (now "${mode}").`,
        changes: [`GNOME Settings > Network > Proxy goes from "${mode}" to off.`],
        keeps: ['The proxy host, port, PAC URL and ignore list stay saved.'],
        steps: [{ kind: 'network.gsettings-set', description: `gsettings set ${GNOME_PROXY_SCHEMA} mode 'none' (was ${sources.gnomeRaw.modeText})`, data }],
        undoDescription: `Undo sets the mode back to ${sources.gnomeRaw.modeText}.`,
        warnings: [...base.warnings, RESTART_NOTE, ...envWarning(ctx)],
      };
    }
    return blockedPlan(base, MAC_BLOCK);
  },
  async verify(ctx) {
    const sources = await readProxySources(ctx);
    if (ctx.platform === 'win32') {
      const raw = sources.wininetRaw;
      const ok = !!raw && raw.proxyEnable !== 1 && !raw.autoConfigUrl;
      return { ok, message: ok ? 'The per-user proxy is off.' : 'The per-user proxy is still on (a policy may have set it back).', findings: [] };
    }
    const mode = parseGVariantString(sources.gnomeRaw?.modeText ?? '');
    return { ok: mode === 'none', message: mode === 'none' ? 'The GNOME proxy is off.' : `The GNOME proxy mode is ${mode ?? 'unknown'}.`, findings: [] };
  },
  prepareUndo: (ctx, record, options) => undoConflict(ctx, record, options),
};

// ---- network.proxy-bypass-add ----

const BypassOptions = networkFixOptions['network.proxy-bypass-add'];

export const proxyBypassAddFix: FixDefinition<z.infer<typeof BypassOptions>> = {
  id: 'network.proxy-bypass-add',
  domain: 'network',
  title: 'Let the Microsoft sign-in hosts bypass the proxy',
  description: 'Adds the Microsoft sign-in hosts of a cloud (option cloud: worldwide, gcch, dod) to the per-user proxy bypass list; undo restores the exact previous list.',
  options: BypassOptions,
  scope: (ctx) => settingsScope(ctx, ['ProxyOverride'], 'ignore-hosts'),
  async plan(ctx, { cloud }) {
    const base = basePlan(this.id, this.title);
    const hosts = CLOUD_DEFINITIONS[cloud].bypassHosts;
    const sources = await readProxySources(ctx);
    const missing = (list: string[], style: 'wininet' | 'gnome') => hosts.filter((h) => !list.some((p) => p.toLowerCase() === h) && !bypasses(h.replace(/^\*\./, 'x.'), 443, list, style));
    if (ctx.platform === 'win32') {
      const problem = unreadable(sources, 'wininet');
      if (problem || !sources.wininetRaw) return blockedPlan(base, problem ?? 'the Windows proxy settings could not be read');
      const raw = sources.wininetRaw;
      if (raw.proxyEnable !== 1 || !raw.proxyServer) {
        return blockedPlan(base, raw.autoConfigUrl ? `The proxy is chosen by a setup script (${raw.autoConfigUrl}); the bypass list does not apply to it. IT changes the script.` : 'No fixed per-user proxy is on: there is nothing to bypass.');
      }
      const current = splitBypassList(raw.proxyOverride);
      const add = missing(current, 'wininet');
      if (!add.length) return blockedPlan(base, 'The sign-in hosts already bypass the proxy.');
      const next = [...current.filter((p) => p !== '<local>'), ...add, ...(current.includes('<local>') ? ['<local>'] : [])].join(';');
      const data: RegSetStepData = { key: INTERNET_SETTINGS_KEY, name: 'ProxyOverride', value: regSz(next), previous: raw.proxyOverride !== undefined ? regSz(raw.proxyOverride) : null };
      return {
        ...base,
        summary: `Adds ${add.length} Microsoft sign-in host${add.length > 1 ? 's' : ''} to the per-user proxy bypass list (ProxyOverride).`,
        changes: add.map((h) => `${h} is reached directly, not through ${raw.proxyServer}.`),
        keeps: [current.length ? `The existing entries stay: ${current.join('; ')}` : 'The proxy itself stays on.', 'The machine-wide WinHTTP proxy is not touched.'],
        steps: [{ kind: 'network.reg-set', description: `Set ProxyOverride to ${next}`, data }],
        undoDescription: raw.proxyOverride !== undefined ? `Undo writes the previous list back exactly: ${raw.proxyOverride || '(empty)'}` : 'Undo removes ProxyOverride again (it did not exist).',
        warnings: [...base.warnings, 'Direct connections only work if the firewall lets this computer reach these hosts without the proxy.', RESTART_NOTE],
      };
    }
    if (ctx.platform === 'linux') {
      const problem = unreadable(sources, 'gnome');
      if (problem) return blockedPlan(base, problem);
      const raw = sources.gnomeRaw;
      const gnome = sources.rules.find((r) => r.source.source === 'gnome');
      if (!raw || gnome?.source.mode !== 'manual') {
        return blockedPlan(base, envRule(ctx.env) ? 'The proxy comes from environment variables: add the hosts to NO_PROXY where HTTPS_PROXY is set (shell profile, /etc/environment).' : 'No fixed GNOME proxy is on: there is nothing to bypass.');
      }
      const current = parseGVariantStringArray(raw.ignoreHostsText);
      if (!current) return blockedPlan(base, `The GNOME ignore list was not understood: ${raw.ignoreHostsText.slice(0, 200)}`);
      const add = missing(current, 'gnome');
      if (!add.length) return blockedPlan(base, 'The sign-in hosts already bypass the proxy.');
      const next = gvariantStringArray([...current, ...add]);
      const data: GsettingsSetStepData = { schema: GNOME_PROXY_SCHEMA, key: 'ignore-hosts', value: next, previous: raw.ignoreHostsText };
      return {
        ...base,
        summary: `Adds ${add.length} Microsoft sign-in host${add.length > 1 ? 's' : ''} to the GNOME proxy ignore list.`,
        changes: add.map((h) => `${h} is reached directly, not through the proxy.`),
        keeps: [`The existing entries stay: ${current.join(', ') || '(none)'}`],
        steps: [{ kind: 'network.gsettings-set', description: `gsettings set ${GNOME_PROXY_SCHEMA} ignore-hosts ${next}`, data }],
        undoDescription: `Undo writes the previous list back exactly: ${raw.ignoreHostsText}`,
        warnings: [...base.warnings, 'Direct connections only work if the firewall lets this computer reach these hosts without the proxy.', RESTART_NOTE, ...envWarning(ctx)],
      };
    }
    return blockedPlan(base, MAC_BLOCK);
  },
  async verify(ctx, { cloud }) {
    const sources = await readProxySources(ctx);
    const rule = sources.primary;
    const hosts = CLOUD_DEFINITIONS[cloud].bypassHosts.map((h) => h.replace(/^\*\./, 'x.'));
    const left = hosts.filter((h) => !bypasses(h, 443, rule.source.bypass, rule.style));
    return { ok: left.length === 0, message: left.length ? `Still through the proxy: ${left.join(', ')}` : 'The sign-in hosts bypass the proxy.', findings: [] };
  },
  prepareUndo: (ctx, record, options) => undoConflict(ctx, record, options),
};

// ---- undo safety: do not overwrite a change made after ours ----

async function currentValue(ctx: EngineContext, step: Step): Promise<string | null | undefined> {
  if (step.kind === 'network.reg-set') {
    const d = step.data as RegSetStepData;
    const r = await ctx.exec(windowsProgram('reg'), ['query', d.key, '/v', d.name], { timeoutMs: 5000 });
    if (r.spawnError) return undefined;
    if (r.code !== 0) return null;
    const m = new RegExp(`^\\s+${d.name}\\s+(REG_[A-Z_]+)(?:\\s{2,}(.*?))?\\s*$`, 'im').exec(r.stdout);
    if (!m) return undefined;
    return m[1] === 'REG_DWORD' ? String(Number.parseInt(m[2] ?? '', 16) >>> 0) : (m[2] ?? '');
  }
  if (step.kind === 'network.gsettings-set') {
    const d = step.data as GsettingsSetStepData;
    const r = await ctx.exec(linuxProgram('gsettings'), ['get', d.schema, d.key], { timeoutMs: 5000 });
    return r.code === 0 ? r.stdout.trim() : undefined;
  }
  return undefined;
}

function expectedAfter(step: Step): string | null | undefined {
  if (step.kind === 'network.reg-set') return (step.data as RegSetStepData).value?.data ?? null;
  if (step.kind === 'network.gsettings-set') return (step.data as GsettingsSetStepData).value;
  return undefined;
}

function sameGVariant(a: string, b: string): boolean {
  return a === b || JSON.stringify(parseGVariantStringArray(a) ?? parseGVariantString(a)) === JSON.stringify(parseGVariantStringArray(b) ?? parseGVariantString(b));
}

async function undoConflict(ctx: FixContext, record: RunRecord, options: Record<string, unknown>): Promise<UndoPreparation> {
  if (options.overwrite === true || options.overwrite === 'true') return {};
  for (const step of record.steps.filter((s) => s.state === 'done')) {
    const now = await currentValue(ctx, step);
    const ours = expectedAfter(step);
    if (now === undefined || ours === undefined) continue;
    const same = now === null || ours === null ? now === ours : step.kind === 'network.gsettings-set' ? sameGVariant(now, ours) : now === ours;
    if (!same) {
      return {
        conflict: `The setting changed after this repair (${step.description}; it is now ${now === null ? 'absent' : JSON.stringify(now)}). Undo would overwrite that newer change; run undo with the option overwrite=true to restore the old value anyway.`,
      };
    }
  }
  return {};
}

export const proxyFixes = [proxyDisableFix, proxyBypassAddFix];
export type { VerifyResult };
