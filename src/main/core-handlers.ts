// Handlers of the core calls: app info, diagnosis, the fix lifecycle, history and recovery.
import type { coreCalls } from '../shared/contract/core';
import { runChecks } from './engine/check-runner';
import { TEAMS_LOG_CHECK, diagnoseCauses, type RepairRun } from './diagnosis/diagnose-causes';
import { isAllowedExternalUrl } from './common/external-links';
import type { HandlerFactory, ServiceDeps } from './service-types';
import { APP_NAME, APP_VERSION } from './common/version';

/** What diagnose needs of the journal's runs (RunSummary's fields): which repair, when, and how it ended. */
async function repairHistory(stateDir: string): Promise<RepairRun[]> {
  try {
    const { Journal } = await import('./engine/journal');
    const { records } = await new Journal(stateDir).list();
    return records.map((r) => ({ runId: r.runId, fixId: r.fixId, status: r.status, startedAt: r.startedAt }));
  } catch {
    return []; // an unreadable journal: no repair is known, so every error counts as current
  }
}

export const createCoreHandlers: HandlerFactory<typeof coreCalls, ServiceDeps> = (deps) => ({
  'app.info': async () => ({
    name: APP_NAME,
    version: APP_VERSION,
    platform: deps.ctx.platform,
    stateDir: deps.ctx.stateDir,
    interrupted: await (await deps.runner()).interrupted(),
  }),
  'diagnose.run': async ({ only, errorText, noLogs }) => {
    const startedAt = deps.ctx.now().toISOString();
    const domains = only ?? [...deps.domains];
    // Only the domains asked for are loaded (`diagnose --only teams` never loads the PC/SC stack).
    const checks = (await deps.checks(domains)).filter((c) => domains.includes(c.domain) && !(noLogs && c.id === TEAMS_LOG_CHECK));
    const resolveProxy = deps.host.resolveProxy;
    const findings = await runChecks(checks, resolveProxy ? { ...deps.ctx, resolveProxy } : deps.ctx, (p) => deps.emit('diagnose-progress', p));
    // The causes beside the findings: the pasted text is read here and never kept or logged.
    // The journal's repairs: an error older than a verified repair is history. Read through the engine's
    // journal (sealed records only, as runner.history() reads them) without building the runner, which
    // loads every domain: `diagnose --only teams` still loads no other domain.
    const history = await repairHistory(deps.ctx.stateDir);
    const { error, causes } = diagnoseCauses({ ...(errorText !== undefined ? { errorText } : {}), ...(noLogs ? { noLogs } : {}), findings, now: deps.ctx.now(), history });
    return { startedAt, finishedAt: deps.ctx.now().toISOString(), domains, findings, ...(error ? { error } : {}), causes };
  },
  'diagnose.causes': async ({ findings, errorText, noLogs }) => {
    const history = await repairHistory(deps.ctx.stateDir);
    return diagnoseCauses({ ...(errorText !== undefined ? { errorText } : {}), ...(noLogs ? { noLogs } : {}), findings, now: deps.ctx.now(), history });
  },
  // The runner (built on first use, with every domain's fixes and steps) does the repairs.
  'fix.list': async () => (await deps.runner()).listFixes(),
  'fix.plan': async ({ fixId, options }) => (await deps.runner()).plan(fixId, options),
  'fix.apply': async ({ planId }) => (await deps.runner()).applyPlan(planId),
  'fix.undo': async ({ runId, options }) => (await deps.runner()).undo(runId, options),
  'history.list': async () => (await deps.runner()).history(),
  'history.refused': async () => (await deps.runner()).refused(),
  'history.get': async ({ runId }) => (await deps.runner()).get(runId),
  'history.discard': async ({ runId }) => (await deps.runner()).discard(runId),
  'journal.recover': async ({ runId, action }) => (await deps.runner()).recover(runId, action),
  'shell.open-external': async ({ url }) => {
    if (!isAllowedExternalUrl(url)) return { opened: false };
    return { opened: await deps.host.openExternal(url) };
  },
});
