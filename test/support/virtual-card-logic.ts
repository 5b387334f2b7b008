// The virtual PIV card's behaviour (PivCardLogic) and its vpcd transport (VpcdConnection), free of
// certificate code so the worker in virtual-card-worker.ts can bundle it small. Protocol: every
// message is a 2-byte big-endian length then payload; vpcd speaks first; 1-byte messages are
// controls (00 off, 01 on, 02 reset, 04 get ATR: answer at once, pcscd polls ~every 400 ms);
// longer ones are APDUs, each answered with one response APDU.
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { encodeTlv } from '../../src/main/cac/tlv';

export const VPCD_PORT = 35963;
export const VPCD_READER = 'Virtual PCD 00 00';
export const PIV_ATR = Buffer.from('3BF81300008131FE15597562696B657934D4', 'hex');

export const PIV_AID = Buffer.from('A000000308000010000100', 'hex');
const CAC_AIDS = ['A0000000790100', 'A0000000790101', 'A0000000790102'];

export type Hostility = 'endless-61xx' | 'wrong-length' | 'truncated-tlv' | 'gzip-bomb' | 'garbage-der';

export interface VirtualCardOptions {
  /** Answer SELECT PIV with 6A82 and only the legacy CAC applets with 9000. */
  legacyCacOnly?: boolean;
  hostile?: Hostility;
  /** Close the connection (card removed) when this GET DATA object tag (hex, e.g. "5FC10A") is asked for. */
  disconnectOnObject?: string;
  port?: number;
  host?: string;
}

const sw = (v: number) => Buffer.from([v >> 8, v & 0xff]);

/** The card logic, independent of the transport (unit tests can drive it directly). */
export class PivCardLogic {
  apdus = 0;
  private pending: Buffer = Buffer.alloc(0);
  private selected: 'none' | 'piv' | 'cac' = 'none';
  constructor(
    private readonly objects: Map<string, Buffer>,
    private readonly options: VirtualCardOptions = {},
  ) {}

  reset(): void {
    this.selected = 'none';
    this.pending = Buffer.alloc(0);
  }

  /** Sends `data` within the 256-byte short-APDU limit, the rest via 61xx. */
  private chunk(data: Buffer, le: number): Buffer {
    const max = le === 0 ? 256 : le;
    const now = data.subarray(0, max);
    this.pending = data.subarray(max);
    if (this.pending.length === 0) return Buffer.concat([now, sw(0x9000)]);
    return Buffer.concat([now, sw(0x6100 | Math.min(this.pending.length, 256) % 256)]);
  }

  answer(apdu: Buffer): Buffer | 'disconnect' {
    this.apdus++;
    const [cla, ins, p1, p2] = apdu;
    const lc = apdu.length > 5 ? apdu[4]! : 0;
    const data = apdu.subarray(5, 5 + lc);
    const le = apdu.length === 5 ? apdu[4]! : apdu.length > 5 + lc ? apdu[5 + lc]! : 0;
    if (cla !== 0x00) return sw(0x6e00);
    if (ins === 0xa4 && p1 === 0x04) {
      const aid = data.toString('hex').toUpperCase();
      if (PIV_AID.toString('hex').toUpperCase().startsWith(aid) && !this.options.legacyCacOnly) {
        this.selected = 'piv';
        const apt = Buffer.from(encodeTlv(0x61, Buffer.concat([encodeTlv(0x4f, PIV_AID.subarray(5, 9)), encodeTlv(0x79, encodeTlv(0x4f, PIV_AID))])));
        return this.chunk(apt, le);
      }
      if (this.options.legacyCacOnly && CAC_AIDS.includes(aid)) {
        this.selected = 'cac';
        return sw(0x9000);
      }
      // A failed SELECT does not deselect the current applet.
      return sw(0x6a82);
    }
    if (ins === 0xc0) {
      if (this.options.hostile === 'endless-61xx') return Buffer.concat([Buffer.alloc(0), sw(0x6100)]);
      if (this.pending.length === 0) return sw(0x6985);
      return this.chunk(this.pending, le);
    }
    if (ins === 0xcb && p1 === 0x3f && p2 === 0xff) {
      if (this.selected !== 'piv') return sw(0x6a82);
      const tlv = data;
      if (tlv[0] !== 0x5c) return sw(0x6a80);
      const tag = tlv.subarray(2, 2 + tlv[1]!).toString('hex').toUpperCase();
      if (this.options.disconnectOnObject === tag) return 'disconnect';
      let obj = this.objects.get(tag);
      if (!obj) return sw(0x6a82);
      if (tag.startsWith('5FC1') && tag !== '5FC102' && tag !== '5FC107') obj = this.hostileObject(obj);
      if (this.options.hostile === 'endless-61xx') return Buffer.concat([obj.subarray(0, 16), sw(0x6100)]);
      if (this.options.hostile === 'wrong-length') return Buffer.from([0x90]);
      return this.chunk(obj, le);
    }
    return sw(0x6d00);
  }

  private hostileObject(obj: Buffer): Buffer {
    switch (this.options.hostile) {
      case 'truncated-tlv':
        return obj.subarray(0, Math.floor(obj.length / 2));
      case 'gzip-bomb': {
        const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x30), { level: 9 });
        return Buffer.from(encodeTlv(0x53, Buffer.concat([encodeTlv(0x70, bomb.subarray(0, Math.min(bomb.length, 60_000))), encodeTlv(0x71, Uint8Array.of(1))])));
      }
      case 'garbage-der':
        return Buffer.from(encodeTlv(0x53, Buffer.concat([encodeTlv(0x70, Buffer.concat([Buffer.from([0x30, 0x82, 0x05, 0x00]), Buffer.alloc(300, 0x41)])), encodeTlv(0x71, Uint8Array.of(0))])));
      default:
        return obj;
    }
  }
}

/** The vpcd TCP side of a card: connecting inserts it, closing removes it. */
export class VpcdConnection {
  private socket: Socket | undefined;
  private buf = Buffer.alloc(0);
  private closedPromise: Promise<void> | undefined;

  constructor(
    private readonly logic: PivCardLogic,
    private readonly options: VirtualCardOptions = {},
    private readonly onApdu: (count: number) => void = () => undefined,
  ) {}

  insert(): Promise<void> {
    return new Promise((resolve, reject) => {
      const s = connect(this.options.port ?? VPCD_PORT, this.options.host ?? '127.0.0.1');
      this.socket = s;
      s.setNoDelay(true);
      this.closedPromise = new Promise((r) => s.once('close', () => r()));
      s.once('connect', () => resolve());
      s.once('error', reject);
      s.on('data', (d) => this.onData(d));
    });
  }

  async remove(): Promise<void> {
    const s = this.socket;
    if (!s) return;
    this.socket = undefined;
    s.destroy();
    await this.closedPromise;
  }

  private send(payload: Buffer): void {
    const head = Buffer.alloc(2);
    head.writeUInt16BE(payload.length);
    this.socket?.write(Buffer.concat([head, payload]));
  }

  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    while (this.buf.length >= 2) {
      const n = this.buf.readUInt16BE(0);
      if (this.buf.length < 2 + n) return;
      const msg = this.buf.subarray(2, 2 + n);
      this.buf = this.buf.subarray(2 + n);
      if (n === 1) {
        if (msg[0] === 0x04) this.send(PIV_ATR);
        else if (msg[0] === 0x02 || msg[0] === 0x00 || msg[0] === 0x01) this.logic.reset();
        continue;
      }
      const answer = this.logic.answer(Buffer.from(msg));
      this.onApdu(this.logic.apdus);
      if (answer === 'disconnect') {
        void this.remove();
        return;
      }
      this.send(answer);
    }
  }
}
