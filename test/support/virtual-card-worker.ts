// Worker-thread side of VirtualPivCard. The card must answer vpcd from its own event loop: the
// `smartcard` binding makes some PC/SC calls (connect, status, disconnect) synchronously on the
// test's main thread, and pcscd may wait for the card's answer inside them; a card living on that
// same blocked thread could never answer, and the test would deadlock.
import { parentPort, workerData } from 'node:worker_threads';
import { PivCardLogic, VpcdConnection, type VirtualCardOptions } from './virtual-card-logic';

export interface CardWorkerData {
  objects: Array<[string, Uint8Array]>;
  options: VirtualCardOptions;
  /** Int32Array[0] = APDUs answered, readable synchronously by the test. */
  counter: SharedArrayBuffer;
}

export type CardCommand = { type: 'insert' } | { type: 'remove' };
export type CardReply = { type: 'inserted' } | { type: 'removed' } | { type: 'error'; message: string };

const data = workerData as CardWorkerData;
const counter = new Int32Array(data.counter);
const logic = new PivCardLogic(new Map(data.objects.map(([tag, bytes]) => [tag, Buffer.from(bytes)])), data.options);
const connection = new VpcdConnection(logic, data.options, (count) => Atomics.store(counter, 0, count));
const reply = (message: CardReply) => parentPort?.postMessage(message);

parentPort?.on('message', (command: CardCommand) => {
  const done = command.type === 'insert' ? connection.insert().then(() => reply({ type: 'inserted' })) : connection.remove().then(() => reply({ type: 'removed' }));
  done.catch((error: unknown) => reply({ type: 'error', message: error instanceof Error ? error.message : String(error) }));
});
