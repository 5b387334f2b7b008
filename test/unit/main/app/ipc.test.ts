// IPC with the real service on a temp state folder: only our window's main frame on our origin
// may call, and invalid input is refused with a typed error before the handler runs.
import { join } from 'node:path';
import { ipcMain } from 'electron';
import { afterAll, describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL, registerIpc } from '../../../../src/main/app/ipc';
import { createEngineContext } from '../../../../src/main/engine-context';
import { createService } from '../../../../src/main/service';
import { tempDir } from '../../../support/browser';
import { FakeWebContents } from '../../../support/electron-fake';

const opened: string[] = [];
const service = createService(createEngineContext({ stateDir: join(tempDir('ipc'), 'state'), env: {} }), {
  openExternal: async (url) => {
    opened.push(url);
    return true;
  },
});
const ours = new FakeWebContents();
const unregister = registerIpc(service, () => ours as never);
afterAll(async () => {
  unregister();
  await service.close();
});

const handler = () => (ipcMain as unknown as { handlers: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>> }).handlers.get(INVOKE_CHANNEL)!;
const mainFrame = (url = 'app://signin-doctor/index.html') => ({ url, parent: null });
const invoke = (event: unknown, name: unknown, input: unknown) => handler()(event, name, input);

describe('registerIpc', () => {
  it('answers our main frame', async () => {
    const result = await invoke({ sender: ours, senderFrame: mainFrame() }, 'app.info', {});
    expect(result).toMatchObject({ ok: true, value: { name: expect.any(String), platform: expect.any(String) } });
  });

  it('refuses a foreign sender, a sub-frame, a foreign origin and a missing frame, without running anything', async () => {
    const stranger = new FakeWebContents();
    const cases = [
      { sender: stranger, senderFrame: mainFrame() },
      { sender: ours, senderFrame: { url: 'app://signin-doctor/index.html', parent: mainFrame() } },
      { sender: ours, senderFrame: mainFrame('https://evil.example/') },
      { sender: ours, senderFrame: mainFrame('app://evil/index.html') },
      { sender: ours, senderFrame: mainFrame('file:///app/dist/renderer/index.html') },
      { sender: ours, senderFrame: null },
    ];
    for (const event of cases) {
      expect(await invoke(event, 'shell.open-external', { url: 'https://learn.microsoft.com/' })).toEqual({ ok: false, error: { code: 'forbidden', message: 'call from an untrusted frame' } });
    }
    expect(opened).toEqual([]);
  });

  it('refuses invalid arguments with a typed error before the handler runs', async () => {
    const event = { sender: ours, senderFrame: mainFrame() };
    for (const input of [{ url: 42 }, { url: 'https://learn.microsoft.com/', extra: true }, null, 'https://learn.microsoft.com/', { url: 'x'.repeat(5000) }]) {
      expect(await invoke(event, 'shell.open-external', input)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    }
    expect(await invoke(event, 42, {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await invoke(event, 'shell.exec', { cmd: 'calc' })).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(opened).toEqual([]);
    // The same call with valid input does reach the handler (so the refusals above were not vacuous).
    expect(await invoke(event, 'shell.open-external', { url: 'https://learn.microsoft.com/' })).toEqual({ ok: true, value: { opened: true } });
    expect(opened).toEqual(['https://learn.microsoft.com/']);
  });

  it('sends events to our window only while it lives', () => {
    const progress = { checkId: 'clock.offset', state: 'started', done: 0, total: 3 } as const;
    service.deps.emit('diagnose-progress', progress);
    expect(ours.sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, args: ['diagnose-progress', progress] });
    const before = ours.sent.length;
    ours.destroyed = true;
    service.deps.emit('diagnose-progress', progress);
    expect(ours.sent.length).toBe(before);
    ours.destroyed = false;
  });
});
