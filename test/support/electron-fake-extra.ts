// What test/support/electron-fake.ts does not record and the hardening tests need: the session's
// webRequest and download hooks, app.getPath/getVersion/isPackaged, and crashReporter (to prove it
// is never started). Use it from a test with (the import goes inside: vi.mock is hoisted):
//   vi.mock('electron', async (importOriginal) => {
//     const { extendElectronFake } = await import('../../../support/electron-fake-extra');
//     return extendElectronFake(await importOriginal());
//   });
import { EventEmitter } from 'node:events';
import type * as Fake from './electron-fake';

type FakeModule = typeof Fake;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;

export interface ElectronFakeExtras {
  logsDir: { value: string };
  /** What requestSingleInstanceLock answers (false: another instance runs). */
  lock: { value: boolean };
  crashReporter: { started: number; start(): void };
  session: {
    defaultSession: FakeModule['session']['defaultSession'] &
      EventEmitter & { beforeRequest?: BeforeRequest; webRequest: { onBeforeRequest(handler: BeforeRequest): void } };
  };
  /** The app calls made, in order (each also emitted as fakeEvents 'call'). */
  calls: string[];
}

export function extendElectronFake(base: FakeModule): FakeModule & ElectronFakeExtras {
  const calls: string[] = [];
  const record = (call: string) => {
    calls.push(call);
    base.fakeEvents.emit('call', call);
  };
  const logsDir = { value: '/nonexistent' };
  const lock = { value: true };
  const defaultSession = Object.assign(new EventEmitter(), base.session.defaultSession, {
    beforeRequest: undefined as BeforeRequest | undefined,
    webRequest: {
      onBeforeRequest(handler: BeforeRequest) {
        defaultSession.beforeRequest = handler;
      },
    },
  });
  const app = Object.assign(base.app, {
    isPackaged: true,
    getVersion: () => '0.0.0-test',
    getPath: (name: string) => (name === 'logs' ? logsDir.value : '/nonexistent'),
    setAppLogsPath: () => {
      record('setAppLogsPath');
    },
    enableSandbox: () => {
      record('enableSandbox');
    },
    requestSingleInstanceLock: () => {
      record('requestSingleInstanceLock');
      return lock.value;
    },
    quit: () => {
      record('quit');
    },
    exit: (code = 0) => {
      record(`exit:${code}`);
    },
    whenReady: () => {
      record('whenReady');
      return Promise.resolve();
    },
  });
  const crashReporter = {
    started: 0,
    start() {
      crashReporter.started++;
    },
  };
  return { ...base, app, session: { defaultSession }, crashReporter, logsDir, lock, calls } as unknown as FakeModule & ElectronFakeExtras;
}
