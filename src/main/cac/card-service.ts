// One complete card read: open a PC/SC session, pick the reader, connect in shared mode, read the
// PIV objects, then build the report against the trust store. A card removed mid-read gives a
// "card removed, insert again" failure and nothing half-read.
import type { ReadOutcome } from '../../shared/contract/cac';
import type { EngineContext } from '../engine/types';
import { buildCardReport } from './card-report';
import { describeFailure, failureFromError } from './pcsc-errors';
import { isBindingMissing, type PcscPort } from './pcsc-port';
import { hex } from './piv-apdu';
import { CardReadError, DEFAULT_LIMITS, readCard, type ReadLimits } from './piv-reader';
import { loadTrustStore } from './trust-store';

export interface ReadOptions {
  reader?: string;
  limits?: ReadLimits;
  connectTimeoutMs?: number;
}

export async function readCardOutcome(port: PcscPort, ctx: EngineContext, options: ReadOptions = {}): Promise<ReadOutcome> {
  let session;
  try {
    session = await port.open();
  } catch (error) {
    return { ok: false, failure: isBindingMissing(error) ? error.toFailure() : failureFromError(error) };
  }
  const started = performance.now();
  try {
    const readers = await session.listReaders();
    if (readers.length === 0) return { ok: false, failure: describeFailure('no-reader', 'No smart card reader was found.') };
    const target = options.reader ? readers.find((r) => r.name === options.reader) : (readers.find((r) => r.cardPresent) ?? readers[0]);
    if (!target) return { ok: false, failure: describeFailure('no-reader', `The reader "${options.reader}" is not attached.`) };
    if (!target.cardPresent) return { ok: false, failure: describeFailure('no-card', `There is no card in "${target.name}".`) };
    const conn = await session.connect(target.name, options.connectTimeoutMs ?? 5000);
    let raw;
    try {
      raw = await readCard(conn, options.limits ?? DEFAULT_LIMITS);
    } finally {
      conn.disconnect();
    }
    const elapsedMs = performance.now() - started;
    const store = await loadTrustStore(ctx);
    const card = await buildCardReport({ reader: target.name, atr: hex(conn.atr), raw, store, now: ctx.now(), elapsedMs });
    return { ok: true, card };
  } catch (error) {
    if (error instanceof CardReadError) {
      const known = ['card-removed', 'hostile-card', 'card-timeout'].includes(error.code);
      return { ok: false, failure: known ? describeFailure(error.code, error.message) : failureFromError(error.cause ?? error) };
    }
    return { ok: false, failure: failureFromError(error) };
  } finally {
    session.close();
  }
}
