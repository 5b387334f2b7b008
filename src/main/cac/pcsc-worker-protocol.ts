// Messages between the main thread and the PC/SC worker (pcsc-worker.ts). Every request has an id;
// every answer names it. Byte arrays travel as Uint8Array (structured clone).
import type { BindingMissingReason, ReaderSnapshot } from './pcsc-port';

export type PcscRequest =
  | { id: number; op: 'open' }
  | { id: number; op: 'list-readers'; session: number }
  | { id: number; op: 'wait-for-change'; session: number; readers: ReaderSnapshot[]; timeoutMs: number }
  | { id: number; op: 'connect'; session: number; reader: string; timeoutMs: number }
  | { id: number; op: 'transmit'; connection: number; apdu: Uint8Array; timeoutMs: number }
  | { id: number; op: 'still-present'; connection: number }
  | { id: number; op: 'disconnect'; connection: number }
  | { id: number; op: 'close'; session: number };

export type PcscValue = number | boolean | Uint8Array | ReaderSnapshot[] | { connection: number; atr: Uint8Array } | null;

/** A PcscBindingMissing crosses the thread as its reason and advice (the main side rebuilds the typed error). */
export interface BindingMissingInfo {
  reason: BindingMissingReason;
  advice: string[];
}

export type PcscResponse = { id: number; ok: true; value: PcscValue } | { id: number; ok: false; code: string; message: string; missing?: BindingMissingInfo };
