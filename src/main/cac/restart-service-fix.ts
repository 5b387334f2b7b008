// Fix: restart the smart-card service (pcscd on Linux, SCardSvr on Windows). Admin rights are
// asked for this action only (pkexec on Linux when not root; Windows needs an elevated prompt).
// Restarting twice is harmless, so the step is idempotent; there is nothing to undo.
import { z } from 'zod';
import type { FixDefinition, StepExecutor } from '../engine/types';
import type { PcscPort } from './pcsc-port';
import { FIX_RESTART_SERVICE } from './card-report';

const StepData = z.object({ platform: z.enum(['linux', 'win32']) });

function commands(platform: 'linux' | 'win32', isRoot: boolean): Array<[string, string[]]> {
  if (platform === 'win32') return [['powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'Restart-Service -Name SCardSvr -Force']]];
  return isRoot ? [['systemctl', ['restart', 'pcscd']]] : [['pkexec', ['systemctl', 'restart', 'pcscd']]];
}

export const restartServiceStep: StepExecutor<z.infer<typeof StepData>> = {
  kind: 'cac.restart-service',
  data: StepData,
  async apply(data, ctx) {
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    for (const [file, args] of commands(data.platform, isRoot)) {
      const r = await ctx.exec(file, args, { timeoutMs: 30_000 });
      if (r.code !== 0) throw new Error(`${file} ${args.join(' ')} failed${r.spawnError ? ` (${r.spawnError})` : ''}: ${(r.stderr || r.stdout).trim().slice(0, 300)}`);
    }
  },
  async undo() {
    // A restarted service is the normal state; there is nothing to put back.
  },
};

export function restartServiceFix(port: PcscPort): FixDefinition<Record<string, never>> {
  return {
    id: FIX_RESTART_SERVICE,
    domain: 'cac',
    title: 'Restart the smart-card service',
    description: 'Restarts pcscd (Linux) or the Smart Card service (Windows) so readers and cards are seen again.',
    options: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
    async plan(ctx) {
      const platform = ctx.platform;
      const base = {
        fixId: FIX_RESTART_SERVICE,
        title: 'Restart the smart-card service',
        summary: platform === 'win32' ? 'Restart the Windows Smart Card service (SCardSvr).' : 'Restart pcscd, the PC/SC daemon.',
        changes: [platform === 'win32' ? 'The Smart Card service (SCardSvr) is restarted' : 'pcscd is restarted (systemctl restart pcscd)'],
        keeps: ['Your card, its certificates and PIN are not touched'],
        needsAdmin: true,
        needsClosed: [],
        undoable: false,
        undoDescription: 'Nothing to undo: the service simply runs again.',
        warnings: ['Apps using the card (browser sessions, VPN) may need you to sign in again'],
      };
      if (platform === 'darwin') return { ...base, steps: [], blockedBy: 'macOS restarts its smart-card service (CryptoTokenKit) itself: unplug the reader and plug it back in.' };
      return { ...base, steps: [{ kind: 'cac.restart-service', description: base.changes[0]!, data: { platform } }] };
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
