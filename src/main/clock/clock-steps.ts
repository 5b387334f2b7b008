// Step executors of the clock domain. Each is ONE elevated command from the closed table in
// os/elevate.ts. Turning automatic time on remembers whether it was off before, so undo turns it
// back off only if we turned it on; a resync has nothing to restore (the old time was wrong).
import { z } from 'zod';
import type { StepContext, StepExecutor } from '../engine/types';
import { TimeServer, runElevated, type ElevatedActionId } from '../os/elevate';

async function elevated(ctx: StepContext, action: ElevatedActionId, args: Record<string, string>): Promise<void> {
  const r = await runElevated(ctx, action, args);
  if (r.cancelled) throw new Error('the administrator prompt was dismissed; nothing was changed');
  if (!r.ok) throw new Error(r.spawnError ? `could not ask for administrator rights (${r.spawnError})` : `the command failed (exit ${r.code ?? 'killed'}): ${r.stderr.trim().slice(0, 300)}`);
}

const NetworkTimeData = z
  .object({
    /** Automatic time as read when the plan was made: undo turns it off again only if it was 'off'. */
    priorAutoTime: z.enum(['on', 'off', 'unknown']),
  })
  .strict();
export type NetworkTimeStepData = z.infer<typeof NetworkTimeData>;

export const networkTimeOnStep: StepExecutor<NetworkTimeStepData> = {
  kind: 'clock.network-time-on',
  data: NetworkTimeData,
  apply: (_d, ctx) => elevated(ctx, 'clock.enable-network-time', {}),
  async undo(d, ctx) {
    if (d.priorAutoTime !== 'off') return; // it was on (or unknown) before: leave it on
    await elevated(ctx, 'clock.disable-network-time', {});
  },
};

const ResyncData = z.object({ server: TimeServer }).strict();
export type ResyncStepData = z.infer<typeof ResyncData>;

export const resyncStep: StepExecutor<ResyncStepData> = {
  kind: 'clock.resync',
  data: ResyncData,
  apply: (d, ctx) => elevated(ctx, 'clock.resync', { server: d.server }),
  // A corrected clock is not restored: setting the wrong time again would help no one.
  undo: async () => undefined,
};
