// The PC/SC worker thread: owns the `smartcard` binding and every context and card handle. The
// binding makes some PC/SC calls synchronously (establish, list, status, disconnect, release);
// here they can block only this thread, never the app's or the CLI's event loop.
import { parentPort } from 'node:worker_threads';
import { PcscError, isBindingMissing, type CardConnection, type PcscSession } from './pcsc-port';
import type { PcscRequest, PcscResponse, PcscValue } from './pcsc-worker-protocol';
import { smartcardPort } from './smartcard-binding';

const sessions = new Map<number, PcscSession>();
const connections = new Map<number, CardConnection>();
let nextHandle = 1;

function lookup<T>(map: Map<number, T>, handle: number, what: string): T {
  const found = map.get(handle);
  if (!found) throw new PcscError('80100003', `unknown ${what} handle ${handle}`); // SCARD_E_INVALID_HANDLE
  return found;
}

async function serve(req: PcscRequest): Promise<PcscValue> {
  switch (req.op) {
    case 'open': {
      const handle = nextHandle++;
      sessions.set(handle, await smartcardPort.open());
      return handle;
    }
    case 'list-readers':
      return lookup(sessions, req.session, 'session').listReaders();
    case 'wait-for-change':
      await lookup(sessions, req.session, 'session').waitForChange(req.readers, req.timeoutMs);
      return null;
    case 'connect': {
      const conn = await lookup(sessions, req.session, 'session').connect(req.reader, req.timeoutMs);
      const handle = nextHandle++;
      connections.set(handle, conn);
      return { connection: handle, atr: conn.atr };
    }
    case 'transmit':
      return lookup(connections, req.connection, 'card').transmit(req.apdu, req.timeoutMs);
    case 'still-present':
      return lookup(connections, req.connection, 'card').stillPresent();
    case 'disconnect':
      connections.get(req.connection)?.disconnect();
      connections.delete(req.connection);
      return null;
    case 'close':
      sessions.get(req.session)?.close();
      sessions.delete(req.session);
      return null;
  }
}

parentPort?.on('message', (req: PcscRequest) => {
  serve(req).then(
    (value) => parentPort?.postMessage({ id: req.id, ok: true, value } satisfies PcscResponse),
    (error: unknown) => {
      const code = error instanceof PcscError ? error.code : 'worker';
      const missing = isBindingMissing(error) ? { missing: { reason: error.reason, advice: [...error.advice] } } : {};
      parentPort?.postMessage({ id: req.id, ok: false, code, message: error instanceof Error ? error.message : String(error), ...missing } satisfies PcscResponse);
    },
  );
});
