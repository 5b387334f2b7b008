// Browser side of the harness: implements window.signinDoctor over fetch + Server-Sent Events,
// so the real renderer runs unchanged in Chromium against the real service.
import type { SigninDoctorBridge } from '../../../src/shared/contract';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource('/__harness/events');
source.addEventListener('message', (event) => {
  const { name, payload } = JSON.parse((event as MessageEvent<string>).data) as { name: string; payload: unknown };
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

const bridge: SigninDoctorBridge = {
  call: async (name, input) => {
    const response = await fetch(`/__harness/call/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
      credentials: 'same-origin',
    });
    return response.json();
  },
  on: (name, listener) => {
    const set = listeners.get(name) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(name, set);
    return () => set.delete(listener as (payload: unknown) => void);
  },
};

(window as unknown as { signinDoctor: SigninDoctorBridge }).signinDoctor = bridge;
