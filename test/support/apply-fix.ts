// Preview, then apply exactly that plan, as the GUI's FixDialog does: fix.plan, then fix.apply
// with the plan's planId. Tests that only care about the outcome of a repair go through here.
import type { Service } from '../../src/main/service';

export async function previewAndApply(service: Service, fixId: string, options: Record<string, unknown> = {}) {
  const plan = await service.invoke('fix.plan', { fixId, options });
  if (!plan.ok) return plan;
  return service.invoke('fix.apply', { planId: plan.value.planId! });
}
