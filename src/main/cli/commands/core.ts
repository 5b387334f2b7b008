// The core commands (diagnose, schema, fix, undo, history, recover, discard): their run functions, loaded
// when one of them runs. Their metadata is in core-commands.ts.
import { hostname } from 'node:os';
import { worstSeverity } from '../../../shared/model';
import { UsageError, callOrThrow, flag, hasFlag, onlyDomains, type CommandRun, type Invocation } from '../../common/cli-command';
import { readInputText } from '../../common/cli-input';
import { readErrorFile } from '../../diagnosis/error-file';
import { renderVerdict } from '../../diagnosis/render-causes';
import { renderFindings, renderHistory, renderPlan, renderRun } from '../../common/cli-render';
import { stdinOptionOf } from '../../domains';
import { detectPlatform } from '../../os/platform';
import { DIAGNOSE_SCHEMA_VERSION, DOCUMENT_NAMES, documentJsonSchema, type DiagnoseDocument, type DocumentName } from '../../../shared/contract/documents';

async function errorTextOf(inv: Invocation): Promise<string | undefined> {
  const text = flag(inv, 'error');
  const file = flag(inv, 'error-file');
  if (hasFlag(inv, 'error') && text === undefined) throw new UsageError('--error needs the error text (or use --error-file F)');
  if (hasFlag(inv, 'error-file') && file === undefined) throw new UsageError('--error-file needs a file name');
  if (text !== undefined && file !== undefined) throw new UsageError('give --error or --error-file, not both');
  return file !== undefined ? readErrorFile(file) : text;
}

export const runDiagnose: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]} (give the error text with --error TEXT or --error-file F)`);
  const only = onlyDomains(inv);
  const errorText = await errorTextOf(inv);
  const noLogs = hasFlag(inv, 'no-logs');
  const result = await callOrThrow(inv, 'diagnose.run', { ...(only ? { only } : {}), ...(errorText !== undefined ? { errorText } : {}), ...(noLogs ? { noLogs } : {}) });
  const worst = worstSeverity(result.findings);
  const verdict = renderVerdict({ ...(result.error ? { error: result.error } : {}), causes: result.causes ?? [] });
  const human = `${verdict}\nFindings:\n${renderFindings(result.findings)}\nOverall: ${worst.toUpperCase()} (${result.findings.length} findings)\n`;
  // The versioned document scripts read (`signin-doctor schema diagnose`).
  const document: DiagnoseDocument = { schemaVersion: DIAGNOSE_SCHEMA_VERSION, kind: 'diagnose', device: { name: hostname(), platform: detectPlatform(inv.io.env) }, ...result };
  return { exitCode: 0, json: document, human };
};

const FIX_FLAGS = new Set(['dry-run', 'yes', 'list', 'file', 'plan-id']);

/** Every other --name value after the fix id becomes an option of the fix (validated by the fix). */
function fixOptions(inv: Invocation): Record<string, string | boolean> {
  const options: Record<string, string | boolean> = {};
  for (const [name, values] of inv.flags) {
    if (FIX_FLAGS.has(name)) continue;
    const camel = name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const last = values[values.length - 1];
    options[camel] = last === true ? true : String(last);
  }
  return options;
}

export const runFix: CommandRun = async (inv) => {
  if (hasFlag(inv, 'list')) {
    const fixes = await callOrThrow(inv, 'fix.list', {});
    return { exitCode: 0, json: fixes, human: `${fixes.map((f) => `${f.id.padEnd(28)} ${f.title}`).join('\n')}\n` };
  }
  const planId = flag(inv, 'plan-id');
  if (planId !== undefined) {
    if (inv.args.length || [...inv.flags.keys()].some((k) => k !== 'plan-id' && k !== 'yes')) throw new UsageError('--plan-id takes no fix id or options: the plan already holds them');
    if (!hasFlag(inv, 'yes')) throw new UsageError('the plan was shown when it was made: confirm with --yes');
    const record = await callOrThrow(inv, 'fix.apply', { planId });
    return { exitCode: record.status === 'failed' ? 1 : 0, json: record, human: renderRun(record) };
  }
  const fixId = inv.args[0];
  if (!fixId) throw new UsageError('name the fix to run (see `signin-doctor fix --list`)');
  if (inv.args.length > 1) throw new UsageError(`unexpected argument ${inv.args[1]}`);
  const options: Record<string, string | boolean> = fixOptions(inv);
  // The fix's own declaration (its domain's module) says which option may come from standard input.
  const stdinOption = await stdinOptionOf(fixId);
  if (stdinOption && options[stdinOption] === undefined) {
    const file = flag(inv, 'file');
    if (file || !inv.io.stdinIsTTY) options[stdinOption] = await readInputText(inv, stdinOption);
  }
  const plan = await callOrThrow(inv, 'fix.plan', { fixId, options });
  if (hasFlag(inv, 'dry-run')) return { exitCode: 0, json: { dryRun: true, plan }, human: renderPlan(plan) };
  if (plan.blockedBy) return { exitCode: 1, json: { applied: false, plan }, human: renderPlan(plan) };
  if (!hasFlag(inv, 'yes')) {
    inv.io.err(renderPlan(plan));
    const ok = await inv.io.confirm('Apply this repair?');
    if (!ok) {
      if (!inv.io.stdinIsTTY) throw new UsageError('refusing to change anything without --yes when there is no terminal to ask');
      return { exitCode: 0, json: { applied: false, plan }, human: 'Nothing was changed.\n' };
    }
  }
  // Exactly what was planned (and shown) above runs: apply takes the plan, not the fix id again.
  const record = await callOrThrow(inv, 'fix.apply', { planId: plan.planId! });
  return { exitCode: record.status === 'failed' ? 1 : 0, json: record, human: renderRun(record) };
};

export const runUndo: CommandRun = async (inv) => {
  const runId = inv.args[0];
  if (!runId) throw new UsageError('name the run to undo (see `signin-doctor history`)');
  const options = fixOptions(inv);
  const record = await callOrThrow(inv, 'fix.undo', { runId, options });
  return { exitCode: 0, json: record, human: renderRun(record) };
};

export const runHistory: CommandRun = async (inv) => {
  const runId = inv.args[0];
  if (runId) {
    const record = await callOrThrow(inv, 'history.get', { runId });
    return { exitCode: 0, json: record, human: renderRun(record) };
  }
  const runs = await callOrThrow(inv, 'history.list', {});
  const refused = await callOrThrow(inv, 'history.refused', {});
  // --json stays the list of runs (scripts rely on it); refused records go to the human text.
  const warning = refused.length
    ? `\nNot trusted, never acted on (${refused.length}):\n${refused.map((r) => `  ${r.file}: ${r.message}`).join('\n')}\n`
    : '';
  return { exitCode: 0, json: runs, human: `${renderHistory(runs)}${warning}` };
};

export const runRecover: CommandRun = async (inv) => {
  const runId = inv.args[0];
  if (!runId) {
    const info = await callOrThrow(inv, 'app.info', {});
    const human = info.interrupted.length ? renderHistory(info.interrupted) : 'No interrupted repairs.\n';
    return { exitCode: 0, json: info.interrupted, human };
  }
  const finish = hasFlag(inv, 'finish');
  const rollback = hasFlag(inv, 'rollback');
  if (finish === rollback) throw new UsageError('say --finish or --rollback');
  const record = await callOrThrow(inv, 'journal.recover', { runId, action: finish ? 'finish' : 'rollback' });
  return { exitCode: 0, json: record, human: renderRun(record) };
};

export const runDiscard: CommandRun = async (inv) => {
  const runId = inv.args[0];
  if (!runId) throw new UsageError('name the run whose backups to delete');
  const summary = await callOrThrow(inv, 'history.discard', { runId });
  return { exitCode: 0, json: summary, human: `Backups of ${runId} deleted.\n` };
};


export const runSchema: CommandRun = async (inv) => {
  const name = inv.args[0];
  if (!name || inv.args.length > 1 || !(DOCUMENT_NAMES as readonly string[]).includes(name)) {
    throw new UsageError(`name one document: ${DOCUMENT_NAMES.join(', ')}`);
  }
  const schema = documentJsonSchema(name as DocumentName);
  // The schema is JSON either way; with --json it is the one document on stdout.
  return { exitCode: 0, json: schema, human: inv.json ? '' : `${JSON.stringify(schema, null, 2)}\n` };
};
