// The sandboxed preload: exposes exactly the contract's calls and events as window.signinDoctor.
// No ipcRenderer, no Node, nothing else crosses the bridge.
import { contextBridge, ipcRenderer } from 'electron';
import { isCallName, isEventName, type SigninDoctorBridge } from '../../shared/contract';

const INVOKE_CHANNEL = 'signin-doctor:invoke';
const EVENT_CHANNEL = 'signin-doctor:event';

const bridge: SigninDoctorBridge = {
  call: (name, input) => {
    if (!isCallName(name)) return Promise.resolve({ ok: false, error: { code: 'unknown-call', message: `unknown call ${String(name)}` } });
    return ipcRenderer.invoke(INVOKE_CHANNEL, name, input);
  },
  on: (name, listener) => {
    if (!isEventName(name)) throw new Error(`unknown event ${String(name)}`);
    const handler = (_event: unknown, eventName: unknown, payload: unknown) => {
      if (eventName === name) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('signinDoctor', bridge);
