// The core commands: explain, diagnose, fix, undo, history, recover, discard.
import { readFile } from 'node:fs/promises';
import { DOMAINS, worstSeverity, type Domain } from '../../../shared/model';
import { MAX_EXPLAIN_INPUT } from '../../../shared/contract/explain';
import { UsageError, callOrThrow, flag, hasFlag, type Command, type Invocation } from '../command';
import { renderExplanation, renderFindings, renderHistory, renderPlan, renderRun } from '../render';

async function readInputText(inv: Invocation, what: string): Promise<string> {
  const file = flag(inv, 'file');
  if (file) {
    try {
      const buf = await readFile(file);
      if (buf.length > MAX_EXPLAIN_INPUT) throw new UsageError(`${file} is larger than ${MAX_EXPLAIN_INPUT / 1024 / 1024} MB`);
      return buf.toString('utf8');
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (inv.args.length) return inv.args.join(' ');
  if (inv.io.stdinIsTTY) throw new UsageError(`give the ${what} as an argument, with --file, or on standard input`);
  return inv.io.readStdin();
}

export const explainCommand: Command = {
  name: 'explain',
  summary: 'Explain the sign-in error codes and IDs in a pasted text',
  usage: ['explain [TEXT] [--file F]    (reads standard input when no text is given)'],
  flags: { file: { value: true, help: 'read the error text from a file' } },
  group: 'main',
  async run(inv) {
    const text = await readInputText(inv, 'error text');
    const ex = await callOrThrow(inv, 'explain.text', { text });
    return { exitCode: 0, json: ex, human: renderExplanation(ex) };
  },
};

function parseOnly(inv: Invocation): Domain[] | undefined {
  const raw = flag(inv, 'only');
  if (!raw) return undefined;
  const wanted = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = wanted.filter((d) => !(DOMAINS as readonly string[]).includes(d));
  if (bad.length) throw new UsageError(`unknown domain ${bad.join(', ')} (choose from ${DOMAINS.filter((d) => d !== 'explain').join(',')})`);
  return wanted as Domain[];
}

export const diagnoseCommand: Command = {
  name: 'diagnose',
  summary: 'Run every check (or some domains) and list the findings',
  usage: ['diagnose [--only teams,clock,network,cac,device]'],
  flags: { only: { value: true, help: 'comma-separated domains' } },
  group: 'main',
  async run(inv) {
    const only = parseOnly(inv);
    const result = await callOrThrow(inv, 'diagnose.run', only ? { only } : {});
    const worst = worstSeverity(result.findings);
    const human = `${renderFindings(result.findings)}\nOverall: ${worst.toUpperCase()} (${result.findings.length} findings)\n`;
    return { exitCode: 0, json: result, human };
  },
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

export const fixCommand: Command = {
  name: 'fix',
  summary: 'Preview or apply a repair (backed up, journaled, undoable)',
  usage: ['fix --list', 'fix <fixId> [--dry-run] [--yes] [--<option> VALUE]...', 'fix --plan-id ID --yes   (apply a plan previewed with --dry-run)'],
  flags: {
    'dry-run': { value: false, help: 'show the plan (with its planId) and change nothing' },
    yes: { value: false, help: 'apply without asking (scripts, remote management)' },
    'plan-id': { value: true, help: 'apply exactly the plan a --dry-run printed (refused if the computer changed since)' },
    list: { value: false, help: 'list every fix' },
    file: { value: true, help: 'read a text option (e.g. the error text) from a file' },
  },
  acceptsAnyFlag: true,
  group: 'repair',
  async run(inv) {
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
    const fix = inv.service().runner.getFix(fixId);
    if (fix.stdinOption && options[fix.stdinOption] === undefined) {
      const file = flag(inv, 'file');
      if (file || !inv.io.stdinIsTTY) options[fix.stdinOption] = await readInputText(inv, fix.stdinOption);
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
  },
};

export const undoCommand: Command = {
  name: 'undo',
  summary: 'Undo a repair by its run id (see history)',
  usage: ['undo <runId> [--keep-both]'],
  flags: { 'keep-both': { value: false, help: 'when the app has written new data since, keep it beside the restored copy' } },
  acceptsAnyFlag: true,
  group: 'repair',
  async run(inv) {
    const runId = inv.args[0];
    if (!runId) throw new UsageError('name the run to undo (see `signin-doctor history`)');
    const options = fixOptions(inv);
    const record = await callOrThrow(inv, 'fix.undo', { runId, options });
    return { exitCode: 0, json: record, human: renderRun(record) };
  },
};

export const historyCommand: Command = {
  name: 'history',
  summary: 'List past repairs (newest first), or show one',
  usage: ['history [runId]'],
  flags: {},
  group: 'repair',
  async run(inv) {
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
  },
};

export const recoverCommand: Command = {
  name: 'recover',
  summary: 'Finish or roll back a repair that a crash interrupted',
  usage: ['recover                      (list interrupted runs)', 'recover <runId> --finish | --rollback'],
  flags: { finish: { value: false, help: 'complete the interrupted run' }, rollback: { value: false, help: 'put everything back as before' } },
  group: 'repair',
  async run(inv) {
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
  },
};

export const discardCommand: Command = {
  name: 'discard',
  summary: 'Delete the backups of a repair (it can no longer be undone)',
  usage: ['discard <runId>'],
  flags: {},
  group: 'repair',
  async run(inv) {
    const runId = inv.args[0];
    if (!runId) throw new UsageError('name the run whose backups to delete');
    const summary = await callOrThrow(inv, 'history.discard', { runId });
    return { exitCode: 0, json: summary, human: `Backups of ${runId} deleted.\n` };
  },
};

export const coreCommands: Command[] = [explainCommand, diagnoseCommand, fixCommand, undoCommand, historyCommand, recoverCommand, discardCommand];
