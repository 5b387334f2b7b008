// Which fixes an unattended run applies, and what happened to each: the strong causes (measured
// faults, current errors: a cause a repair already addressed is ruled out) offer their fixes in the
// order to try them; a fix runs when the policy allows it, the context suits it and its plan can run
// without a prompt or a consent the policy did not give. The first fix of a cause that works (apply)
// or would run (detect) handles the cause; the next is tried only when the one before failed.
import type { Cause } from '../../shared/contract/diagnosis';
import type { FixId } from '../../shared/contract/fixes';
import { isFixId } from '../../shared/contract/fixes';
import type { RemediateFix, RemediatePolicy, RunContext, SkipReason } from '../../shared/contract/remediate';
import type { FixPlan, RunRecord } from '../../shared/model';
import { CONSENT_OPTIONS, UNATTENDED_FIXES } from './remediate-policy';

/** What the run needs of the service (fix.plan, fix.apply), so the decision reads as one loop. */
export interface FixPort {
  plan(fixId: FixId, options: Record<string, string | boolean>): Promise<FixPlan>;
  apply(planId: string): Promise<RunRecord>;
  title(fixId: FixId): string;
}

const SKIP_TEXT: Record<SkipReason, string> = {
  'not-allowed': 'the policy does not allow it unattended',
  'not-unattended': 'it needs something a person gives',
  'needs-user-context': "a per-user repair: it runs only in the signed-in user's context, not as root or SYSTEM",
  'needs-elevation': 'it needs administrator rights, and an unattended run never asks for them (run as root or SYSTEM)',
  'needs-consent': 'Teams is running and the policy does not allow quitting it (consent.quitTeams)',
  blocked: 'it cannot run now',
  'cause-handled': 'another repair of the same cause comes first',
};

export function skipText(reason: SkipReason): string {
  return SKIP_TEXT[reason];
}

function optionsFor(fixId: FixId, policy: RemediatePolicy, grant: boolean): Record<string, string | boolean> {
  const options: Record<string, string | boolean> = {};
  for (const [consent, option] of Object.entries(CONSENT_OPTIONS[fixId] ?? {})) {
    if (policy.consent?.[consent as keyof NonNullable<RemediatePolicy['consent']>] || (grant && consent === 'quitTeams')) options[option] = true;
  }
  return options;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 300);

/** Plans a fix as the policy allows it; a plan blocked only for want of a consent says so. */
async function planAllowed(fixId: FixId, policy: RemediatePolicy, context: RunContext, port: FixPort): Promise<{ plan: FixPlan } | { reason: SkipReason; detail: string } | { error: string }> {
  let plan: FixPlan;
  try {
    plan = await port.plan(fixId, optionsFor(fixId, policy, false));
  } catch (error) {
    // Not "cannot run now" but broken (an unsafe state folder...): a failure the help desk must see.
    return { error: errorText(error) };
  }
  if (plan.blockedBy) {
    if (CONSENT_OPTIONS[fixId]?.quitTeams && !policy.consent?.quitTeams) {
      // Would it run with the consent? Then the consent is what is missing (the plan made here is never applied).
      const withConsent = await port.plan(fixId, optionsFor(fixId, policy, true)).catch(() => undefined);
      if (withConsent && !withConsent.blockedBy) return { reason: 'needs-consent', detail: skipText('needs-consent') };
    }
    return { reason: 'blocked', detail: plan.blockedBy };
  }
  if (plan.needsAdmin && !context.elevated) return { reason: 'needs-elevation', detail: skipText('needs-elevation') };
  return { plan };
}

/** Why a fix is skipped before any plan is made (policy and context), or undefined. */
function staticSkip(fixId: FixId, policy: RemediatePolicy, context: RunContext): SkipReason | undefined {
  const fixContext = UNATTENDED_FIXES[fixId];
  if (!fixContext) return 'not-unattended';
  if (!policy.allow.includes(fixId)) return 'not-allowed';
  if (fixContext === 'user' && context.kind === 'system') return 'needs-user-context';
  if (fixContext === 'machine' && !context.elevated) return 'needs-elevation';
  return undefined;
}

export interface Decision {
  fixes: RemediateFix[];
}

/**
 * Walks the strong causes. `mode` detect plans only; apply applies through the runner (journaled,
 * verified, undoable) one run per fix. Never prompts: every path that would need a person is a skip.
 */
export async function decideAndRun(
  mode: 'detect' | 'apply',
  causes: readonly Cause[],
  policy: RemediatePolicy,
  context: RunContext,
  port: FixPort,
): Promise<Decision> {
  const byId = new Map<FixId, RemediateFix>();
  const order: FixId[] = [];
  const entry = (fixId: FixId, causeId: string): RemediateFix => {
    let e = byId.get(fixId);
    if (!e) {
      const fixContext = UNATTENDED_FIXES[fixId];
      e = { fixId, title: port.title(fixId), ...(fixContext ? { context: fixContext } : {}), causes: [], outcome: 'skipped' };
      byId.set(fixId, e);
      order.push(fixId);
    }
    if (!e.causes.includes(causeId)) e.causes.push(causeId);
    return e;
  };
  const works = (e: RemediateFix) => e.outcome === 'planned' || e.outcome === 'verified';

  for (const cause of causes) {
    if (cause.strength !== 'strong' || cause.addressedBy) continue;
    // A cause a repair of ours already addressed (diagnosis marks it) is not repaired again.
    let handled = false;
    for (const fixId of cause.fixes.filter(isFixId)) {
      // Decided for an earlier cause (not merely set aside there because that cause was handled).
      const known = byId.get(fixId)?.reason !== 'cause-handled' && byId.has(fixId);
      const e = entry(fixId, cause.id);
      if (known) {
        // Decided for an earlier cause: the same answer holds; a working one handles this cause too.
        if (works(e)) handled = true;
        if (handled) break;
        continue;
      }
      if (handled) {
        Object.assign(e, { outcome: 'skipped', reason: 'cause-handled', detail: skipText('cause-handled') });
        continue;
      }
      delete e.reason;
      delete e.detail;
      const early = staticSkip(fixId, policy, context);
      if (early) {
        Object.assign(e, { reason: early, detail: skipText(early) });
        continue;
      }
      const planned = await planAllowed(fixId, policy, context, port);
      if ('error' in planned) {
        Object.assign(e, { outcome: 'failed', detail: `could not be planned: ${planned.error}` });
        continue;
      }
      if ('reason' in planned) {
        Object.assign(e, { reason: planned.reason, detail: planned.detail });
        continue;
      }
      if (mode === 'detect') {
        e.outcome = 'planned';
        handled = true;
        continue;
      }
      try {
        const record = await port.apply(planned.plan.planId!);
        e.runId = record.runId;
        e.outcome = record.status === 'verified' ? 'verified' : record.status === 'applied' ? 'applied' : 'failed';
        if (e.outcome === 'applied') e.detail = `applied, but the check afterwards did not confirm it${record.verify ? `: ${record.verify.message}` : ''}`;
        if (e.outcome === 'failed') e.detail = record.error ?? record.verify?.message ?? 'the repair failed and was rolled back';
      } catch (error) {
        e.outcome = 'failed';
        e.detail = errorText(error);
      }
      if (e.outcome === 'verified') handled = true;
    }
    // Fixes after the one that handled the cause, not yet decided for another cause.
    for (const fixId of cause.fixes.filter(isFixId)) {
      if (!byId.has(fixId)) Object.assign(entry(fixId, cause.id), { outcome: 'skipped', reason: 'cause-handled', detail: skipText('cause-handled') });
    }
  }
  return { fixes: order.map((id) => byId.get(id)!) };
}
