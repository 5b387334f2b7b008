// Typed client over window.signinDoctor (the preload bridge in the app, the HTTP bridge in the
// test harness). Screens call `api.call(...)` and get a value or a thrown ApiError.
import type { CallInput, CallName, CallOutput, EventName, EventPayload, SigninDoctorBridge } from '../shared/contract';

declare global {
  interface Window {
    signinDoctor?: SigninDoctorBridge;
  }
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function bridge(): SigninDoctorBridge {
  const b = window.signinDoctor;
  if (!b) throw new ApiError('internal', 'The app bridge is missing (this page must run inside Sign-in Doctor).');
  return b;
}

export const api = {
  async call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallOutput<N>> {
    const result = await bridge().call(name, input);
    if (result.ok) return result.value;
    throw new ApiError(result.error.code, result.error.message);
  },
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    return bridge().on(name, listener);
  },
};

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
