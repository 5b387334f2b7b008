// Handlers of the core calls: app info, diagnosis, the fix lifecycle, history and recovery.
import type { coreCalls } from '../shared/contract/core';
import { runChecks } from './engine/check-runner';
import { isAllowedExternalUrl } from './external-links';
import type { HandlerFactory } from './service-types';
import { APP_NAME, APP_VERSION } from './version';

export const createCoreHandlers: HandlerFactory<typeof coreCalls> = (deps) => ({
  'app.info': async () => ({
    name: APP_NAME,
    version: APP_VERSION,
    platform: deps.ctx.platform,
    stateDir: deps.ctx.stateDir,
    interrupted: await deps.runner.interrupted(),
  }),
  'diagnose.run': async ({ only }) => {
    const startedAt = deps.ctx.now().toISOString();
    const domains = only ?? deps.domains.map((d) => d.domain);
    const checks = deps.checks.filter((c) => domains.includes(c.domain));
    const resolveProxy = deps.host.resolveProxy;
    const findings = await runChecks(checks, resolveProxy ? { ...deps.ctx, resolveProxy } : deps.ctx, (p) => deps.emit('diagnose-progress', p));
    return { startedAt, finishedAt: deps.ctx.now().toISOString(), domains, findings };
  },
  'fix.list': async () => deps.runner.listFixes(),
  'fix.plan': ({ fixId, options }) => deps.runner.plan(fixId, options),
  'fix.apply': ({ planId }) => deps.runner.applyPlan(planId),
  'fix.undo': ({ runId, options }) => deps.runner.undo(runId, options),
  'history.list': () => deps.runner.history(),
  'history.refused': () => deps.runner.refused(),
  'history.get': ({ runId }) => deps.runner.get(runId),
  'history.discard': ({ runId }) => deps.runner.discard(runId),
  'journal.recover': ({ runId, action }) => deps.runner.recover(runId, action),
  'shell.open-external': async ({ url }) => {
    if (!isAllowedExternalUrl(url)) return { opened: false };
    return { opened: await deps.host.openExternal(url) };
  },
});
