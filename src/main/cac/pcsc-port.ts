// The one small port between the cac domain and a PC/SC binding. Everything above it (reader,
// supervisor, handlers) speaks these types, so the binding (smartcard today) can be replaced and
// tests can hand in another implementation.
import type { PcscFailure } from '../../shared/contract/cac';

export interface ReaderSnapshot {
  name: string;
  cardPresent: boolean;
  /** Upper-case hex. */
  atr?: string;
}

export interface CardConnection {
  readonly atr: Uint8Array;
  /** One APDU exchange. Rejects with a PcscError (card removed, timeout...) */
  transmit(apdu: Uint8Array, timeoutMs: number): Promise<Uint8Array>;
  /** False once the card has left the reader (or been reset); asked after a broken exchange. */
  stillPresent(): Promise<boolean>;
  /** Fire and forget: releases the card once any exchange still running has settled. */
  disconnect(): void;
}

/** One PC/SC context. Cheap to create; close it when done. */
export interface PcscSession {
  listReaders(): Promise<ReaderSnapshot[]>;
  /** Resolves when something may have changed (or after timeoutMs). Rejects when the service is gone. */
  waitForChange(readers: readonly ReaderSnapshot[], timeoutMs: number): Promise<void>;
  /** Shared mode, T=0 or T=1. */
  connect(reader: string, timeoutMs: number): Promise<CardConnection>;
  /** Fire and forget: cancels a pending wait, then releases the context. */
  close(): void;
}

export interface PcscPort {
  /** Name recorded in status output and the README. */
  readonly binding: string;
  /**
   * Throws a PcscError (SCARD_E_NO_SERVICE when pcscd / the Smart Card service is not running), or
   * a PcscBindingMissing when the binding itself is not installed or cannot be loaded here.
   */
  open(): Promise<PcscSession>;
}

/** A PC/SC failure with its standard code (hex without 0x) when one is known. */
export class PcscError extends Error {
  override name = 'PcscError';
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The code of PcscBindingMissing: not a PC/SC code (nothing reached PC/SC at all). */
export const BINDING_MISSING = 'binding-missing';

/** not-installed: the package is absent (an optional dependency npm could not build); cannot-load:
 * it is there but its native module does not load (broken build, missing system library). */
export type BindingMissingReason = 'not-installed' | 'cannot-load';

/**
 * The binding is not there: no PC/SC call was made, so nothing is known about the service, the
 * readers or the card. Callers test for it with `instanceof` (or isBindingMissing), never by text;
 * the binding that throws it says how to get it on this OS (`advice`).
 */
export class PcscBindingMissing extends PcscError {
  override name = 'PcscBindingMissing';
  constructor(
    readonly reason: BindingMissingReason,
    message: string,
    /** How to get the binding on this computer, in order. */
    readonly advice: readonly string[],
    options?: { cause?: unknown },
  ) {
    super(BINDING_MISSING, message, options);
  }

  /** As the status and read calls report it (cac.status, cac.read-card). */
  toFailure(): PcscFailure {
    return { code: BINDING_MISSING, name: this.reason === 'not-installed' ? 'PC/SC binding not installed' : 'PC/SC binding cannot be loaded', message: this.message, advice: [...this.advice] };
  }
}

export const isBindingMissing = (error: unknown): error is PcscBindingMissing => error instanceof PcscBindingMissing;

export const PCSC = {
  NO_SERVICE: '8010001D',
  SERVICE_STOPPED: '8010001E',
  NO_READERS: '8010002E',
  TIMEOUT: '8010000A',
  SHARING_VIOLATION: '8010000B',
  NO_SMARTCARD: '8010000C',
  UNKNOWN_READER: '80100009',
  READER_UNAVAILABLE: '80100017',
  COMM_ERROR: '80100013',
  UNRESPONSIVE: '80100066',
  UNPOWERED: '80100067',
  RESET: '80100068',
  REMOVED: '80100069',
  SECURITY_VIOLATION: '8010006A',
  UNKNOWN: '80100014',
} as const;
