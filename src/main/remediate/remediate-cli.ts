// `remediate --detect | --apply [--policy FILE]`: the command remote-management engines run on every
// device. It never asks anything: no confirmation, no standard input, no administrator prompt (the
// process enters unattended mode before the first call). One line on stdout (or the document with
// --json); exit 1 when detect finds something to repair or apply could not repair all of it.
import { hostname } from 'node:os';
import { CallFailure, UsageError, callOrThrow, flag, hasFlag, type CommandResult, type CommandRun, type Invocation } from '../common/cli-command';
import { EngineError } from '../common/errors';
import { enterUnattendedMode } from '../os/elevate';
import { execFileSafe } from '../os/exec';
import { detectPlatform, type Platform } from '../os/platform';
import { detectRunContext } from '../os/run-context';
import { firstWith } from '../../shared/contract/findings';
import type { FixId } from '../../shared/contract/fixes';
import { REMEDIATE_SCHEMA_VERSION, type RemediateDocument, type RemediatePolicy } from '../../shared/contract/remediate';
import { isConditionalAccessFamily } from '../../shared/knowledge/causes';
import { SEVERITY_ORDER, type Finding, type Severity } from '../../shared/model';
import { decideAndRun, type FixPort } from './remediate-decide';
import { oneLine, remediateLine } from './remediate-line';
import { DEFAULT_POLICY, readPolicyFile } from './remediate-policy';

function osOf(findings: readonly Finding[]): string | undefined {
  const os = firstWith(findings, 'device.os')?.evidence;
  return os ? `${os.osName} ${os.osVersion}`.trim() : undefined;
}

function modeOf(inv: Invocation): 'detect' | 'apply' {
  const detect = hasFlag(inv, 'detect');
  const apply = hasFlag(inv, 'apply');
  if (detect === apply) throw new UsageError('say --detect (report what needs repair) or --apply (repair it)');
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  if (hasFlag(inv, 'policy') && !flag(inv, 'policy')) throw new UsageError('--policy needs a file name');
  return detect ? 'detect' : 'apply';
}

export const runRemediate: CommandRun = async (inv) => {
  const mode = modeOf(inv);
  const file = flag(inv, 'policy');
  const policy = file !== undefined ? await readPolicyFile(file) : DEFAULT_POLICY;
  // Before the first call: from here on no fix of this process can show an administrator prompt.
  enterUnattendedMode();
  // A bad SIGNIN_DOCTOR_PLATFORM (checkouts only) stays a usage error.
  const platform = detectPlatform(inv.io.env);
  try {
    return await remediate(inv, mode, platform, policy, file !== undefined ? 'file' : 'default');
  } catch (error) {
    if (error instanceof UsageError || (error instanceof CallFailure && error.exitCode === 2)) throw error;
    // Still one line on stdout: the engine shows it per device, and a help desk must see why.
    const message = error instanceof Error ? error.message : String(error);
    const code = error instanceof CallFailure || error instanceof EngineError ? error.code : 'failed';
    return { exitCode: 1, json: { error: { code, message } }, human: `${oneLine(`Sign-in Doctor: could not ${mode === 'detect' ? 'check' : 'repair'} this computer: ${message}`)}\n` };
  }
};

async function remediate(inv: Invocation, mode: 'detect' | 'apply', platform: Platform, policy: RemediatePolicy, source: 'default' | 'file'): Promise<CommandResult> {
  // An empty environment, as the unattended elevation uses: SystemRoot never chooses which whoami answers.
  const context = await detectRunContext(platform, execFileSafe, {});
  const info = await callOrThrow(inv, 'app.info', {});
  const diagnosis = await callOrThrow(inv, 'diagnose.run', policy.only ? { only: policy.only } : {});
  const titles = new Map((await callOrThrow(inv, 'fix.list', {})).map((f) => [f.id, f.title]));
  const port: FixPort = {
    plan: (fixId, options) => callOrThrow(inv, 'fix.plan', { fixId, options }),
    apply: (planId) => callOrThrow(inv, 'fix.apply', { planId }),
    title: (fixId: FixId) => titles.get(fixId) ?? fixId,
  };
  const causes = diagnosis.causes ?? [];
  const { fixes } = await decideAndRun(mode, causes, policy, context, port);

  const bySeverity: Partial<Record<Severity, number>> = {};
  for (const f of diagnosis.findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const problems = diagnosis.findings
    .filter((f) => f.severity === 'warn' || f.severity === 'fail')
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity])
    .map((f) => ({ id: f.id, severity: f.severity, title: f.title }));
  const conditionalAccess = isConditionalAccessFamily(diagnosis.error?.family);
  const count = (outcome: string) => fixes.filter((f) => f.outcome === outcome).length;
  // detect: 1 also when a repair it should make could not even be planned (the engine then runs
  // --apply, which fails the same way and shows the reason), so a broken device never looks clean.
  const exitCode: 0 | 1 = mode === 'detect' ? (count('planned') + count('failed') > 0 ? 1 : 0) : count('failed') + count('applied') > 0 ? 1 : 0;
  const line = remediateLine({
    mode,
    fixes,
    problems: causes.filter((c) => c.strength === 'strong' && !c.addressedBy).map((c) => ({ id: c.id, title: c.title })),
    failCount: bySeverity.fail ?? 0,
    warnCount: bySeverity.warn ?? 0,
    ...(diagnosis.error ? { error: diagnosis.error } : {}),
    conditionalAccess,
  });
  const document: RemediateDocument = {
    schemaVersion: REMEDIATE_SCHEMA_VERSION,
    kind: 'remediate',
    mode,
    generatedAt: new Date().toISOString(),
    app: { name: info.name, version: info.version },
    device: { name: hostname(), platform, ...(osOf(diagnosis.findings) ? { os: osOf(diagnosis.findings)! } : {}) },
    context,
    policy: { source, allow: policy.allow },
    findings: { total: diagnosis.findings.length, bySeverity, problems },
    ...(diagnosis.error ? { error: diagnosis.error } : {}),
    conditionalAccess,
    causes,
    fixes,
    summary: { problems: problems.length, planned: count('planned'), verified: count('verified'), failed: count('failed') + count('applied'), skipped: count('skipped') },
    line,
    exitCode,
  };
  return { exitCode, json: document, human: `${line}\n` };
}
