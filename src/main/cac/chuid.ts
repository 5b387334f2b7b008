// CHUID (SP 800-73-4 3.1.2): 53 { 30 FASC-N, 34 GUID, 35 expiration YYYYMMDD, 3E signature, FE }.
import { TlvError, findTag, parseOuter, parseTlvs } from './tlv';

export interface Chuid {
  /** YYYY-MM-DD */
  expiry?: string;
  guid?: string;
}

export function parseChuid(obj: Uint8Array): Chuid {
  const items = parseTlvs(parseOuter(obj, 0x53));
  const out: Chuid = {};
  const exp = findTag(items, 0x35);
  if (exp) {
    const text = String.fromCharCode(...exp);
    const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
    if (!m) throw new TlvError(`CHUID expiration "${text.replace(/[^\x20-\x7e]/g, '?').slice(0, 16)}" is not YYYYMMDD`);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) throw new TlvError(`CHUID expiration ${text} is not a date`);
    out.expiry = `${m[1]}-${m[2]}-${m[3]}`;
  }
  const guid = findTag(items, 0x34);
  if (guid && guid.length === 16) out.guid = Buffer.from(guid).toString('hex').toUpperCase();
  return out;
}

/** Expired once the expiration day is over (it is valid through that day, UTC). */
export function chuidExpired(expiry: string, now: Date): boolean {
  return Date.parse(`${expiry}T23:59:59Z`) < now.getTime();
}
