// Registers the one handler table on ipcMain. Every call is sender-checked (our window, our
// app:// origin, the main frame) before the service validates its input with zod.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { CallResult } from '../../shared/contract';
import type { Service } from '../service';
import { isAppUrl } from './app-protocol';

export const INVOKE_CHANNEL = 'signin-doctor:invoke';
export const EVENT_CHANNEL = 'signin-doctor:event';

export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>, allowed: () => WebContents | undefined): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false; // main frame only
  const ours = allowed();
  if (!ours || event.sender.id !== ours.id) return false;
  return isAppUrl(frame.url);
}

export function registerIpc(service: Service, window: () => WebContents | undefined): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<CallResult<unknown>> => {
    if (!isTrustedSender(event, window)) return { ok: false, error: { code: 'forbidden', message: 'call from an untrusted frame' } };
    if (typeof name !== 'string') return { ok: false, error: { code: 'bad-input', message: 'call name must be a string' } };
    return service.invoke(name, input);
  });
  const unsubscribe = service.subscribe((name, payload) => {
    const target = window();
    if (target && !target.isDestroyed()) target.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
