// Fix: restart the smart-card service (pcscd on Linux, SCardSvr on Windows). Admin rights are
// asked for this one action through the OS prompt (runElevated: UAC / polkit), never by running
// an elevating program ourselves. macOS has no service to restart: CryptoTokenKit restarts itself.
// Restarting twice is harmless, so the step is idempotent; there is nothing to undo.
import { z } from 'zod';
import { cacFixOptions } from '../../shared/contract/cac';
import type { FixDefinition, StepExecutor } from '../engine/types';
import { describeElevation, runElevated } from '../os/elevate';
import type { PcscPort } from './pcsc-port';
import { FIX_RESTART_SERVICE } from './card-report';

const StepData = z.object({ platform: z.enum(['linux', 'win32']) });
const ACTION = 'cac.restart-service';

export const restartServiceStep: StepExecutor<z.infer<typeof StepData>> = {
  kind: 'cac.restart-service',
  data: StepData,
  async apply(data, ctx) {
    if (ctx.platform !== data.platform) throw new Error(`this step was planned for ${data.platform}, not ${ctx.platform}`);
    const r = await runElevated(ctx, ACTION, {}, { timeoutMs: 5 * 60_000 });
    if (r.cancelled) throw new Error('The administrator prompt was dismissed: the service was not restarted.');
    if (!r.ok) throw new Error(`Restarting the smart-card service failed${r.spawnError ? ` (${r.spawnError})` : ''}: ${r.stderr.trim().slice(0, 300) || `exit code ${String(r.code)}`}`);
  },
  async undo() {
    // A restarted service is the normal state; there is nothing to put back.
  },
};

export const MAC_NO_SERVICE = 'macOS has no smart-card service to restart: CryptoTokenKit starts and stops itself. Unplug the reader and plug it back in instead.';

export function restartServiceFix(port: PcscPort): FixDefinition<Record<string, never>> {
  return {
    id: FIX_RESTART_SERVICE,
    domain: 'cac',
    title: 'Restart the smart-card service',
    description: 'Restarts pcscd (Linux) or the Smart Card service (Windows) so readers and cards are seen again. Asks for admin rights for this action only.',
    options: cacFixOptions['cac.restart-service'] as unknown as z.ZodType<Record<string, never>>,
    scope: (ctx) => ({ stepKinds: ['cac.restart-service'], roots: [], check: (step) => (step.data.platform === ctx.platform ? undefined : 'its step was planned for another OS') }),
    async plan(ctx) {
      const platform = ctx.platform;
      const base = {
        fixId: FIX_RESTART_SERVICE,
        title: 'Restart the smart-card service',
        summary: platform === 'win32' ? 'Restart the Windows Smart Card service (SCardSvr).' : platform === 'darwin' ? 'Nothing to restart on macOS.' : 'Restart pcscd, the PC/SC daemon.',
        keeps: ['Your card, its certificates and PIN are not touched'],
        needsAdmin: platform !== 'darwin',
        needsClosed: [],
        undoable: false,
        undoDescription: 'Nothing to undo: the service simply runs again.',
        warnings: ['Apps using the card (browser sessions, VPN) may need you to sign in again'],
      };
      if (platform !== 'linux' && platform !== 'win32') return { ...base, changes: [], steps: [], blockedBy: MAC_NO_SERVICE };
      const change = describeElevation(platform, ACTION);
      return { ...base, changes: [change], steps: [{ kind: 'cac.restart-service', description: change, data: { platform } }] };
    },
    async verify() {
      try {
        const s = await port.open();
        s.close();
        return { ok: true, message: 'The smart-card service answers again.', findings: [] };
      } catch (error) {
        return { ok: false, message: `The smart-card service still does not answer: ${(error as Error).message}`, findings: [] };
      }
    },
  };
}
