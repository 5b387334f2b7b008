// Step executors of the network domain. Each runs one fixed command through ctx.exec with an
// argument array (never a shell): a registry value of the per-user Internet Settings, a GNOME
// proxy key, or the DNS cache flush. Apply and undo are idempotent: setting a value twice or
// deleting an absent one leaves the same state.
import { z } from 'zod';
import type { StepContext, StepExecutor } from '../engine/types';
import { commandLine, linuxProgram, macProgram, windowsProgram } from '../os/programs';
import type { Exec, ExecResult } from '../os/exec';
import { parseGVariantString, parseGVariantStringArray } from './gvariant-parse';
import { GNOME_PROXY_SCHEMA, INTERNET_SETTINGS_KEY } from './proxy-sources';

const TIMEOUT_MS = 15_000;

function describe(r: ExecResult, what: string): string {
  if (r.spawnError === 'ENOENT') return `${what}: the program is not available on this system`;
  if (r.spawnError) return `${what}: could not run (${r.spawnError})`;
  if (r.timedOut) return `${what}: did not finish in time`;
  return `${what} failed (exit ${r.code ?? 'killed'}): ${(r.stderr || r.stdout).trim().slice(0, 300)}`;
}

async function run(exec: Exec, file: string, args: string[], what: string): Promise<void> {
  const r = await exec(file, args, { timeoutMs: TIMEOUT_MS });
  if (r.code !== 0) throw new Error(describe(r, what));
}

// ---- Windows registry: HKCU\...\Internet Settings only ----

// eslint-disable-next-line no-control-regex -- the point is to refuse control characters in registry/gsettings values
const NO_CONTROL = /^[^\x00-\x1f\x7f]*$/;
export const RegData = z.discriminatedUnion('type', [
  z.object({ type: z.literal('REG_DWORD'), data: z.string().regex(/^\d{1,10}$/) }).strict(),
  z.object({ type: z.literal('REG_SZ'), data: z.string().max(4096).regex(NO_CONTROL) }).strict(),
]);
export type RegDataValue = z.infer<typeof RegData>;

const RegSetData = z
  .object({
    key: z.literal(INTERNET_SETTINGS_KEY),
    name: z.enum(['ProxyEnable', 'ProxyServer', 'ProxyOverride', 'AutoConfigURL']),
    /** null deletes the value. */
    value: RegData.nullable(),
    /** Exactly what was there before (null: the value did not exist). */
    previous: RegData.nullable(),
  })
  .strict();
export type RegSetStepData = z.infer<typeof RegSetData>;

async function regWrite(exec: Exec, key: string, name: string, value: RegDataValue | null): Promise<void> {
  if (value) {
    await run(exec, windowsProgram('reg'), ['add', key, '/v', name, '/t', value.type, '/d', value.data, '/f'], `reg add ${name}`);
    return;
  }
  const exists = await exec(windowsProgram('reg'), ['query', key, '/v', name], { timeoutMs: TIMEOUT_MS });
  if (exists.spawnError) throw new Error(describe(exists, `reg query ${name}`));
  if (exists.code !== 0) return; // already absent
  await run(exec, windowsProgram('reg'), ['delete', key, '/v', name, '/f'], `reg delete ${name}`);
}

export const regSetStep: StepExecutor<RegSetStepData> = {
  kind: 'network.reg-set',
  data: RegSetData,
  apply: (d, ctx: StepContext) => regWrite(ctx.exec, d.key, d.name, d.value),
  undo: (d, ctx: StepContext) => regWrite(ctx.exec, d.key, d.name, d.previous),
};

// ---- GNOME: org.gnome.system.proxy mode / ignore-hosts ----

const GVariantText = z.string().max(8192).regex(NO_CONTROL);
const GsettingsSetData = z
  .object({
    schema: z.literal(GNOME_PROXY_SCHEMA),
    key: z.enum(['mode', 'ignore-hosts']),
    value: GVariantText,
    previous: GVariantText,
  })
  .strict()
  .refine((d) => [d.value, d.previous].every((v) => (d.key === 'mode' ? /^(none|manual|auto)$/.test(parseGVariantString(v) ?? '') : parseGVariantStringArray(v) !== undefined)), 'not a valid value for this key');
export type GsettingsSetStepData = z.infer<typeof GsettingsSetData>;

export const gsettingsSetStep: StepExecutor<GsettingsSetStepData> = {
  kind: 'network.gsettings-set',
  data: GsettingsSetData,
  apply: (d, ctx) => run(ctx.exec, linuxProgram('gsettings'), ['set', d.schema, d.key, d.value], `gsettings set ${d.key}`),
  undo: (d, ctx) => run(ctx.exec, linuxProgram('gsettings'), ['set', d.schema, d.key, d.previous], `gsettings set ${d.key}`),
};

// ---- DNS cache flush ----

/** The flush commands of each OS, by absolute path (looked up when used: Linux finds resolvectl in its system folders). */
export function dnsFlushCommands(platform: 'win32' | 'darwin' | 'linux'): Array<{ file: string; args: string[] }> {
  if (platform === 'win32') return [{ file: windowsProgram('ipconfig'), args: ['/flushdns'] }];
  if (platform === 'darwin') {
    return [
      { file: macProgram('dscacheutil'), args: ['-flushcache'] },
      { file: macProgram('killall'), args: ['-HUP', 'mDNSResponder'] },
    ];
  }
  return [{ file: linuxProgram('resolvectl'), args: ['flush-caches'] }];
}

/** "Run C:\\Windows\\System32\\ipconfig.exe /flushdns": what the plan shows, with full paths. */
export const dnsFlushDescription = (platform: 'win32' | 'darwin' | 'linux') => `Run ${dnsFlushCommands(platform).map((c) => commandLine(c.file, c.args)).join(' and ')}`;

const DnsFlushData = z.object({ platform: z.enum(['win32', 'darwin', 'linux']) }).strict();

export const dnsFlushStep: StepExecutor<z.infer<typeof DnsFlushData>> = {
  kind: 'network.dns-flush',
  data: DnsFlushData,
  async apply(d, ctx) {
    for (const c of dnsFlushCommands(d.platform)) {
      const r = await ctx.exec(c.file, c.args, { timeoutMs: TIMEOUT_MS });
      if (r.code === 0) continue;
      const denied = /permission|not permitted|access.*denied|interactive authentication required/i.test(`${r.stderr}${r.stdout}`);
      const hint = denied ? ` — this needs administrator rights: run \`sudo ${c.file.split('/').pop()} ${c.args.join(' ')}\` yourself` : '';
      throw new Error(`${describe(r, `${c.file.split(/[\\/]/).pop()} ${c.args.join(' ')}`)}${hint}`);
    }
  },
  // An emptied cache has nothing to restore: it refills on the next lookups.
  undo: async () => undefined,
};

export const networkSteps = [regSetStep, gsettingsSetStep, dnsFlushStep];
