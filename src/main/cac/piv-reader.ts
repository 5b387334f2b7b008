// Reads a card's PIV objects over one shared-mode connection: SELECT PIV (or probe the legacy CAC
// applets), CHUID, Discovery and the four certificate objects, with 61xx/6Cxx response chaining
// and gzip/zlib decompression. Every loop and buffer has a cap, so a hostile card gets a clear
// CardReadError within bounded time and memory.
import { gunzipSync, inflateSync } from 'node:zlib';
import { PCSC, type CardConnection } from './pcsc-port';
import { toPcscError } from './pcsc-errors';
import { CAC_AIDS, CERT_SLOTS, OBJECT_TAGS, PIV_AID, SW, getData, getResponse, selectAid, splitResponse, swHex, withLe } from './piv-apdu';
import { TlvError, findTag, parseOuter, parseTlvs } from './tlv';

export interface ReadLimits {
  /** Per APDU exchange. */
  apduTimeoutMs: number;
  /** The whole read. */
  totalTimeoutMs: number;
  /** Largest object accepted after chaining (a PIV certificate container is a few KB). */
  maxObjectBytes: number;
  /** Largest decompressed certificate (gzip bombs stop here). */
  maxCertBytes: number;
  /** After a broken exchange, how long to watch for the card leaving before blaming the card
   * (pcscd notices a pulled card only at its next poll, ~400 ms later). */
  removalGraceMs?: number;
}

const REMOVAL_GRACE_MS = 1_500;
const PRESENCE_POLL_MS = 100;
export const DEFAULT_LIMITS: ReadLimits = { apduTimeoutMs: 5_000, totalTimeoutMs: 30_000, maxObjectBytes: 16 * 1024, maxCertBytes: 16 * 1024, removalGraceMs: REMOVAL_GRACE_MS };

export type CardReadErrorCode = 'card-removed' | 'hostile-card' | 'card-timeout' | string;

export class CardReadError extends Error {
  override name = 'CardReadError';
  constructor(
    readonly code: CardReadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class ObjectError extends Error {
  override name = 'ObjectError';
}

export type SlotStatus = 'present' | 'empty' | 'pin-required' | 'unreadable';

export interface RawSlot {
  slot: (typeof CERT_SLOTS)[number]['slot'];
  name: string;
  status: SlotStatus;
  der?: Uint8Array;
  compressed?: boolean;
  error?: string;
}

export interface RawCard {
  kind: 'piv' | 'legacy-cac' | 'unknown';
  chuid?: Uint8Array;
  discovery: boolean;
  slots: RawSlot[];
  apduCount: number;
}

function removed(cause?: unknown): CardReadError {
  return new CardReadError('card-removed', 'The card was removed while it was being read. Insert it again.', cause ? { cause } : undefined);
}

/** APDU exchange with chaining, a count, caps and a deadline. */
export class ApduChannel {
  count = 0;
  private readonly deadline: number;
  constructor(
    private readonly conn: CardConnection,
    private readonly limits: ReadLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.deadline = now() + limits.totalTimeoutMs;
  }

  /** True when the card leaves the reader within the grace period. A card pulled mid-APDU often
   * yields an empty answer or a transport error while pcscd still reports it present. */
  private async removedDuringGrace(): Promise<boolean> {
    const polls = Math.ceil((this.limits.removalGraceMs ?? REMOVAL_GRACE_MS) / PRESENCE_POLL_MS);
    for (let i = 0; ; i++) {
      if (!(await this.conn.stillPresent())) return true;
      if (i >= polls) return false;
      await new Promise((r) => setTimeout(r, PRESENCE_POLL_MS));
    }
  }

  private async raw(apdu: Uint8Array): Promise<{ data: Uint8Array; sw: number }> {
    const left = this.deadline - this.now();
    if (left <= 0) throw new CardReadError('card-timeout', `reading the card took longer than ${this.limits.totalTimeoutMs} ms`);
    this.count++;
    let res: Uint8Array;
    try {
      res = await this.conn.transmit(apdu, Math.min(this.limits.apduTimeoutMs, left));
    } catch (error) {
      const e = toPcscError(error);
      if (e.code === PCSC.REMOVED || e.code === PCSC.RESET) throw removed(e);
      // Our own timeout closed the connection, so presence can no longer be asked.
      if (e.code === PCSC.TIMEOUT) throw new CardReadError('card-timeout', 'The card stopped answering.', { cause: e });
      if (await this.removedDuringGrace()) throw removed(e);
      // The card is still there but the exchange broke (vpcd/CCID reject a malformed answer).
      throw new CardReadError('hostile-card', `the card's answer could not be passed on by the reader (${e.message})`, { cause: e });
    }
    if (res.length < 2) {
      if (await this.removedDuringGrace()) throw removed();
      throw new CardReadError('hostile-card', `the card answered ${res.length} byte(s) where a status word was due`);
    }
    if (res.length > 258) throw new CardReadError('hostile-card', `the card answered ${res.length} bytes to a short APDU`);
    return splitResponse(res);
  }

  /** Sends one command and follows 61xx (GET RESPONSE) and 6Cxx (resend with Le) to the end. */
  async exchange(apdu: Uint8Array): Promise<{ data: Uint8Array; sw: number }> {
    let res = await this.raw(apdu);
    if (res.sw >> 8 === 0x6c) {
      res = await this.raw(withLe(apdu, res.sw & 0xff));
      if (res.sw >> 8 === 0x6c) throw new CardReadError('hostile-card', 'the card asked twice for a different length (6Cxx)');
    }
    const parts: Uint8Array[] = [res.data];
    let total = res.data.length;
    // Each round must bring data, so the cap on bytes also caps the rounds; the extra bound on
    // rounds stops a card that answers 61xx with no data forever.
    const maxRounds = Math.ceil(this.limits.maxObjectBytes / 256) + 4;
    let rounds = 0;
    while (res.sw >> 8 === 0x61) {
      if (++rounds > maxRounds) throw new CardReadError('hostile-card', `the card kept saying "more data" (61xx) after ${maxRounds} GET RESPONSE rounds`);
      res = await this.raw(getResponse(res.sw & 0xff));
      if (res.sw >> 8 === 0x6c) throw new CardReadError('hostile-card', 'the card answered 6Cxx to GET RESPONSE');
      total += res.data.length;
      if (total > this.limits.maxObjectBytes) throw new CardReadError('hostile-card', `the card sent more than ${this.limits.maxObjectBytes} bytes for one object`);
      parts.push(res.data);
    }
    if (parts.length === 1) return res.sw === SW.OK ? { data: parts[0]!, sw: res.sw } : { data: res.data, sw: res.sw };
    const data = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      data.set(p, off);
      off += p.length;
    }
    return { data, sw: res.sw };
  }
}

const isSuccess = (sw: number) => sw === SW.OK;

/** Decompresses a certificate stored gzip- or zlib-compressed, never past maxBytes. */
export function decompressCert(data: Uint8Array, maxBytes: number): Uint8Array {
  try {
    if (data[0] === 0x1f && data[1] === 0x8b) return new Uint8Array(gunzipSync(data, { maxOutputLength: maxBytes }));
    if (data[0] === 0x78) return new Uint8Array(inflateSync(data, { maxOutputLength: maxBytes }));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw new ObjectError(`the compressed certificate expands past ${maxBytes} bytes (refused)`);
    throw new ObjectError(`the compressed certificate is corrupt: ${(error as Error).message}`);
  }
  throw new ObjectError('the certificate is marked compressed but is neither gzip nor zlib');
}

/** `53 { 70 cert, 71 CertInfo, FE }` -> DER (decompressed when CertInfo says so or the bytes are gzip). */
export function parseCertObject(obj: Uint8Array, maxCertBytes: number): { der: Uint8Array; compressed: boolean } {
  let items;
  try {
    items = parseTlvs(parseOuter(obj, 0x53));
  } catch (error) {
    if (error instanceof TlvError) throw new ObjectError(`certificate object: ${error.message}`);
    throw error;
  }
  const cert = findTag(items, 0x70);
  if (!cert || cert.length === 0) throw new ObjectError('certificate object has no certificate (tag 70)');
  const info = findTag(items, 0x71)?.[0] ?? 0;
  const gz = cert[0] === 0x1f && cert[1] === 0x8b;
  const compressed = (info & 0x01) !== 0 || (info & 0x80) !== 0 || gz;
  if (!compressed) return { der: Uint8Array.from(cert), compressed: false };
  return { der: decompressCert(cert, maxCertBytes), compressed: true };
}

/** Reads everything the doctor needs from the card; throws CardReadError for whole-card failures. */
export async function readCard(conn: CardConnection, limits: ReadLimits = DEFAULT_LIMITS): Promise<RawCard> {
  const ch = new ApduChannel(conn, limits);
  const sel = await ch.exchange(selectAid(PIV_AID));
  if (!isSuccess(sel.sw)) {
    // No PIV: a legacy CAC-only card answers one of the GSC-IS applets.
    for (const aid of CAC_AIDS) {
      const r = await ch.exchange(selectAid(aid));
      if (isSuccess(r.sw)) return { kind: 'legacy-cac', discovery: false, slots: [], apduCount: ch.count };
    }
    return { kind: 'unknown', discovery: false, slots: [], apduCount: ch.count };
  }

  const chuidRes = await ch.exchange(getData(OBJECT_TAGS.chuid));
  const chuid = isSuccess(chuidRes.sw) ? Uint8Array.from(chuidRes.data) : undefined;
  const disc = await ch.exchange(getData(OBJECT_TAGS.discovery));
  const slots: RawSlot[] = [];
  for (const s of CERT_SLOTS) {
    const r = await ch.exchange(getData(s.tag));
    if (r.sw === SW.NOT_FOUND) {
      slots.push({ slot: s.slot, name: s.name, status: 'empty' });
      continue;
    }
    if (r.sw === SW.SECURITY || r.sw >> 4 === 0x63c) {
      slots.push({ slot: s.slot, name: s.name, status: 'pin-required', error: `the card wants a PIN for this object (${swHex(r.sw)})` });
      continue;
    }
    if (!isSuccess(r.sw)) {
      slots.push({ slot: s.slot, name: s.name, status: 'unreadable', error: `the card refused (${swHex(r.sw)})` });
      continue;
    }
    try {
      const { der, compressed } = parseCertObject(r.data, limits.maxCertBytes);
      slots.push({ slot: s.slot, name: s.name, status: 'present', der, compressed });
    } catch (error) {
      if (!(error instanceof ObjectError)) throw error;
      slots.push({ slot: s.slot, name: s.name, status: 'unreadable', error: error.message });
    }
  }
  return { kind: 'piv', ...(chuid ? { chuid } : {}), discovery: isSuccess(disc.sw), slots, apduCount: ch.count };
}

