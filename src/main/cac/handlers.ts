// IPC / harness handlers of the cac domain (see src/shared/contract/cac.ts). One supervisor per
// service watches readers and cards once the UI asks for status; its events are pushed as
// `cac-event`; the guided reinsert flow is driven by those same events.
import type { CacEvent, ReadOutcome } from '../../shared/contract/cac';
import type { cacCalls } from '../../shared/contract/cac';
import type { DomainDeps, HandlerFactory } from '../engine/types';
import { DOD_GUIDANCE_URL } from './card-report';
import { readCardOutcome } from './card-service';
import type { PcscPort } from './pcsc-port';
import { PcscSupervisor } from './pcsc-supervisor';
import { appPcscPort } from './pcsc-worker-port';

interface Flow {
  cancel(): void;
}

export function cacHandlersWith(port: PcscPort): HandlerFactory<typeof cacCalls> {
  return (deps: DomainDeps) => {
    let supervisor: PcscSupervisor | undefined;
    let flow: Flow | undefined;
    deps.onClose(async () => {
      flow?.cancel();
      await supervisor?.stop();
    });

    async function ensureWatching(): Promise<PcscSupervisor> {
      if (!supervisor) {
        supervisor = new PcscSupervisor(port, { now: () => deps.ctx.now() });
        supervisor.on((e) => deps.emit('cac-event', e));
      }
      await supervisor.start();
      return supervisor;
    }

    function waitFor(sup: PcscSupervisor, match: (e: CacEvent) => boolean, timeoutMs: number, signal: { cancelled: boolean; wake?: () => void }): Promise<CacEvent | 'timeout' | 'cancelled' | 'service-lost'> {
      return new Promise((resolve) => {
        const off = sup.on((e) => {
          if (e.type === 'service-lost') finish('service-lost');
          else if (match(e)) finish(e);
        });
        const timer = setTimeout(() => finish('timeout'), timeoutMs);
        signal.wake = () => finish('cancelled');
        function finish(v: CacEvent | 'timeout' | 'cancelled' | 'service-lost') {
          clearTimeout(timer);
          off();
          signal.wake = undefined;
          resolve(v);
        }
      });
    }

    async function runFlow(sup: PcscSupervisor, reader: string, cardIn: boolean, timeoutMs: number, signal: { cancelled: boolean; wake?: () => void }) {
      const say = (step: 'remove' | 'insert' | 'reading' | 'done' | 'failed' | 'cancelled', message: string, result?: ReadOutcome) =>
        deps.emit('cac-reinsert', { step, message, reader, ...(result ? { result } : {}) });
      const secs = Math.round(timeoutMs / 1000);
      const stopped = (v: unknown) => {
        if (v === 'cancelled') say('cancelled', 'Stopped. Nothing was changed.');
        else if (v === 'service-lost') say('failed', 'The smart card service stopped. Start it (or use "Restart the smart-card service") and try again.');
        return v === 'cancelled' || v === 'service-lost';
      };
      if (cardIn) {
        say('remove', `Remove your card from "${reader}".`);
        const v = await waitFor(sup, (e) => e.type === 'card-removed' && e.reader === reader, timeoutMs, signal);
        if (stopped(v)) return;
        if (v === 'timeout') return say('failed', `The card was not removed within ${secs} seconds. If you did remove it, the reader may not report cards: try another USB port or reader.`);
      }
      say('insert', `Insert your card into "${reader}" (chip first, contacts up).`);
      const v = await waitFor(sup, (e) => e.type === 'card-inserted' && e.reader === reader, timeoutMs, signal);
      if (stopped(v)) return;
      if (v === 'timeout') return say('failed', `No card was inserted within ${secs} seconds. Push it in fully; if the reader's light does not change, try another reader.`);
      say('reading', 'Reading the card. Leave it in.');
      const result = await readCardOutcome(port, deps.ctx, { reader });
      if (signal.cancelled) return;
      if (result.ok) say('done', 'Card read.', result);
      else say('failed', `${result.failure.name}: ${result.failure.message}`, result);
    }

    return {
      'cac.status': async () => {
        const sup = await ensureWatching();
        return {
          service: sup.service,
          binding: port.binding,
          readers: sup.snapshot(),
          ...(sup.failure ? { failure: sup.failure } : {}),
          watching: sup.watching,
        };
      },
      'cac.watch-stop': async () => {
        flow?.cancel();
        const was = Boolean(supervisor?.watching);
        await supervisor?.stop();
        return { stopped: was };
      },
      'cac.read-card': ({ reader }) => readCardOutcome(port, deps.ctx, reader ? { reader } : {}),
      'cac.reinsert-start': async ({ reader, timeoutMs }) => {
        flow?.cancel();
        const sup = await ensureWatching();
        if (sup.service !== 'running') return { started: false, message: sup.failure ? `${sup.failure.name}: ${sup.failure.message}` : 'The smart card service is not running.' };
        const readers = sup.snapshot();
        const target = reader ? readers.find((r) => r.name === reader) : (readers.find((r) => r.cardPresent) ?? readers[0]);
        if (!target) return { started: false, message: reader ? `The reader "${reader}" is not attached.` : 'No smart card reader is attached. Plug one in directly (not through a hub).' };
        const signal: { cancelled: boolean; wake?: () => void } = { cancelled: false };
        const mine: Flow = {
          cancel: () => {
            signal.cancelled = true;
            signal.wake?.();
          },
        };
        flow = mine;
        void runFlow(sup, target.name, target.cardPresent, timeoutMs, signal).finally(() => {
          if (flow === mine) flow = undefined;
        });
        return { started: true, reader: target.name, message: target.cardPresent ? 'Remove your card.' : 'Insert your card.' };
      },
      'cac.choose-bundle': async () => {
        const path = deps.host.chooseOpenPath ? await deps.host.chooseOpenPath('Choose the DoD root certificate bundle (.p7b or .pem)') : undefined;
        return { ...(path ? { path } : {}), guidanceUrl: DOD_GUIDANCE_URL };
      },
      'cac.reinsert-cancel': async () => {
        const had = Boolean(flow);
        flow?.cancel();
        return { cancelled: had };
      },
    };
  };
}

export const createCacHandlers: HandlerFactory<typeof cacCalls> = cacHandlersWith(appPcscPort);
