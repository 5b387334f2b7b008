// The PAC worker thread: runs one PAC file (pac-worker-sandbox.ts) and answers FindProxyForURL
// calls one at a time. pac.ts gives it a V8 memory limit and terminates it at each deadline it
// misses, so a PAC that loops where the sandbox cannot interrupt it (native code) stops only this
// thread, never the app's or the CLI's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import type { PacWorkerData, PacWorkerMessage, PacWorkerRequest } from './pac-worker-protocol';
import { PacError, openPacSandbox } from './pac-worker-sandbox';

const port = parentPort!;
const post = (message: PacWorkerMessage) => port.postMessage(message);

async function main(data: PacWorkerData): Promise<void> {
  post({ type: 'loaded' });
  const sandbox = await openPacSandbox(data.script, data.module, data.compileMs).catch((error: unknown) => {
    const e = error instanceof PacError ? error : new PacError('compile', `the PAC file does not compile: ${String(error).slice(0, 300)}`);
    post({ type: 'failed', reason: e.reason, message: e.message });
    return undefined;
  });
  if (!sandbox) return;
  port.on('message', (req: PacWorkerRequest) => {
    sandbox.find(req.url, req.ms).then(
      (value) => post({ type: 'answer', id: req.id, ok: true, value }),
      (error: unknown) => {
        const e = error instanceof PacError ? error : new PacError('throws', `FindProxyForURL failed: ${String(error).slice(0, 300)}`);
        post({ type: 'answer', id: req.id, ok: false, reason: e.reason, message: e.message });
      },
    );
  });
  post({ type: 'ready' });
}

void main(workerData as PacWorkerData);
