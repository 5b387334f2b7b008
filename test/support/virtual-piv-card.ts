// A virtual PIV card inserted into vsmartcard-vpcd (127.0.0.1:35963 = "Virtual PCD 00 00"), with
// certificates generated at test time (@peculiar/x509 + WebCrypto). The card answers from a worker
// thread (see virtual-card-worker.ts for why); its logic and transport are in virtual-card-logic.ts.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import * as x509 from '../../src/main/cac/x509';
import { encodeTlv } from '../../src/main/cac/tlv';
import { PIV_AID, type VirtualCardOptions } from './virtual-card-logic';
import type { CardCommand, CardReply, CardWorkerData } from './virtual-card-worker';

export { PIV_ATR, PivCardLogic, VPCD_PORT, VPCD_READER, type Hostility, type VirtualCardOptions } from './virtual-card-logic';

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

let workerFile: string | undefined;

/** The worker entry bundled once per process (vitest does not transform worker threads). */
function bundledWorker(): string {
  if (workerFile) return workerFile;
  const dir = join(tmpdir(), `signin-doctor-virtual-card-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'virtual-card-worker.mjs');
  // Next to this file under vitest; from the repository root when this file is itself bundled (bench).
  const beside = join(__dirname, 'virtual-card-worker.ts');
  const entry = existsSync(beside) ? beside : join(process.cwd(), 'test/support/virtual-card-worker.ts');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'silent' });
  workerFile = outfile;
  return outfile;
}

/** A card for vpcd. `insert()` connects (the card enters the reader), `remove()` disconnects. */
export class VirtualPivCard {
  private worker: Worker | undefined;
  private readonly counter = new Int32Array(new SharedArrayBuffer(4));
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly objects: Map<string, Buffer>,
    private readonly options: VirtualCardOptions = {},
  ) {}

  /** APDUs the card has answered (read synchronously from the worker's shared counter). */
  get apdus(): number {
    return Atomics.load(this.counter, 0);
  }

  insert(): Promise<void> {
    return this.send({ type: 'insert' });
  }

  async remove(): Promise<void> {
    if (!this.worker) return;
    await this.send({ type: 'remove' });
    const worker = this.worker;
    this.worker = undefined;
    await worker.terminate();
  }

  private send(command: CardCommand): Promise<void> {
    const run = async () => {
      const worker = (this.worker ??= this.startWorker());
      await new Promise<void>((resolve, reject) => {
        const onMessage = (reply: CardReply) => {
          worker.off('error', onError);
          if (reply.type === 'error') reject(new Error(`virtual card: ${reply.message}`));
          else resolve();
        };
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(command);
      });
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private startWorker(): Worker {
    const data: CardWorkerData = { objects: [...this.objects].map(([tag, bytes]) => [tag, new Uint8Array(bytes)]), options: this.options, counter: this.counter.buffer as SharedArrayBuffer };
    const worker = new Worker(bundledWorker(), { workerData: data });
    worker.unref();
    return worker;
  }
}
