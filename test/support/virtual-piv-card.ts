// A virtual PIV card that talks to vsmartcard-vpcd over TCP (127.0.0.1:35963 = "Virtual PCD 00 00").
// Connecting inserts the card, closing removes it. Protocol: every message is a 2-byte big-endian
// length then payload; vpcd speaks first; 1-byte messages are controls (00 off, 01 on, 02 reset,
// 04 get ATR: answer at once, pcscd polls ~every 400 ms); longer ones are APDUs, each answered
// with one response APDU. Certificates are generated at test time with @peculiar/x509 + WebCrypto.
import { connect, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import * as x509 from '../../src/main/cac/x509';
import { encodeTlv } from '../../src/main/cac/tlv';

export const VPCD_PORT = 35963;
export const VPCD_READER = 'Virtual PCD 00 00';
export const PIV_ATR = Buffer.from('3BF81300008131FE15597562696B657934D4', 'hex');

const PIV_AID = Buffer.from('A000000308000010000100', 'hex');
const CAC_AIDS = ['A0000000790100', 'A0000000790101', 'A0000000790102'];

export interface TestPki {
  ca: x509.X509Certificate;
  /** slot -> certificate (9a valid, 9c expired, 9d valid and stored gzip-compressed, 9e empty). */
  certs: Record<string, x509.X509Certificate>;
  chuidExpiry: string;
}

const SIGN = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export async function createTestPki(now = new Date()): Promise<TestPki> {
  const day = 86_400_000;
  const caKeys = await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify']);
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Sign-in Doctor Test CA, OU=PKI, O=Test, C=US',
    notBefore: new Date(now.getTime() - 365 * day),
    notAfter: new Date(now.getTime() + 3650 * day),
    keys: caKeys,
    signingAlgorithm: SIGN,
    extensions: [new x509.BasicConstraintsExtension(true, 1, true)],
  });
  const leaf = async (serial: string, cn: string, from: number, to: number, rsa: boolean) => {
    const keys = rsa
      ? await crypto.subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }, true, ['sign', 'verify'])
      : await crypto.subtle.generateKey(SIGN, true, ['sign', 'verify']);
    return x509.X509CertificateGenerator.create({
      serialNumber: serial,
      subject: `CN=${cn}, OU=USA, OU=PKI, OU=DoD, O=U.S. Government, C=US`,
      issuer: ca.subject,
      notBefore: new Date(now.getTime() + from * day),
      notAfter: new Date(now.getTime() + to * day),
      signingKey: caKeys.privateKey,
      publicKey: keys.publicKey,
      signingAlgorithm: SIGN,
    });
  };
  const certs = {
    '9a': await leaf('1a2b3c', 'DOE.JOHN.QUINCY.1234567890', -30, 700, true),
    '9c': await leaf('1a2b3d', 'DOE.JOHN.QUINCY.1234567890', -800, -5, false),
    '9d': await leaf('1a2b3e', 'ID CERTIFICATE DOE.JOHN.QUINCY.1234567890', -30, 20, true),
  };
  const exp = new Date(now.getTime() + 900 * day);
  const chuidExpiry = `${exp.getUTCFullYear()}${String(exp.getUTCMonth() + 1).padStart(2, '0')}${String(exp.getUTCDate()).padStart(2, '0')}`;
  return { ca, certs, chuidExpiry };
}

export type Hostility = 'endless-61xx' | 'wrong-length' | 'truncated-tlv' | 'gzip-bomb' | 'garbage-der';

export interface VirtualCardOptions {
  /** Answer SELECT PIV with 6A82 and only the legacy CAC applets with 9000. */
  legacyCacOnly?: boolean;
  hostile?: Hostility;
  /** Delay every APDU answer (ms). */
  slowMs?: number;
  /** Close the connection (card removed) when this GET DATA object tag (hex, e.g. "5FC10A") is asked for. */
  disconnectOnObject?: string;
  port?: number;
  host?: string;
}

function certObject(der: Uint8Array, compress: boolean): Buffer {
  const body = compress ? gzipSync(der) : Buffer.from(der);
  return Buffer.from(encodeTlv(0x53, Buffer.concat([encodeTlv(0x70, body), encodeTlv(0x71, Uint8Array.of(compress ? 0x01 : 0x00)), encodeTlv(0xfe, new Uint8Array(0))])));
}

export function buildObjects(pki: TestPki): Map<string, Buffer> {
  const objects = new Map<string, Buffer>();
  const fascn = Buffer.alloc(25, 0xd4);
  const guid = Buffer.from('00112233445566778899AABBCCDDEEFF', 'hex');
  objects.set('5FC102', Buffer.from(encodeTlv(0x53, Buffer.concat([encodeTlv(0x30, fascn), encodeTlv(0x34, guid), encodeTlv(0x35, Buffer.from(pki.chuidExpiry, 'ascii')), encodeTlv(0x3e, new Uint8Array(0)), encodeTlv(0xfe, new Uint8Array(0))]))));
  objects.set('5FC107', Buffer.from(encodeTlv(0x53, Buffer.concat([encodeTlv(0xf0, Buffer.alloc(21, 0xa0)), encodeTlv(0xfe, new Uint8Array(0))]))));
  objects.set('7E', Buffer.from(encodeTlv(0x7e, Buffer.concat([encodeTlv(0x4f, PIV_AID), encodeTlv(0x5f2f, Uint8Array.of(0x40, 0x00))]))));
  objects.set('5FC105', certObject(new Uint8Array(pki.certs['9a']!.rawData), false));
  objects.set('5FC10A', certObject(new Uint8Array(pki.certs['9c']!.rawData), false));
  objects.set('5FC10B', certObject(new Uint8Array(pki.certs['9d']!.rawData), true));
  return objects; // 5FC101 (Card Authentication, 9e) is absent: an empty slot
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

/** A card inserted into vpcd. `remove()` closes the connection (the card leaves the reader). */
export class VirtualPivCard {
  private socket: Socket | undefined;
  private buf = Buffer.alloc(0);
  readonly logic: PivCardLogic;
  private closedPromise: Promise<void> | undefined;

  constructor(
    objects: Map<string, Buffer>,
    private readonly options: VirtualCardOptions = {},
  ) {
    this.logic = new PivCardLogic(objects, options);
  }

  get apdus(): number {
    return this.logic.apdus;
  }

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
      if (answer === 'disconnect') {
        void this.remove();
        return;
      }
      if (this.options.slowMs) setTimeout(() => this.send(answer), this.options.slowMs);
      else this.send(answer);
    }
  }
}
