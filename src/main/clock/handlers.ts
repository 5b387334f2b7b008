// IPC / harness handlers of the clock domain (see src/shared/contract/clock.ts).
import type { clockCalls } from '../../shared/contract/clock';
import type { HandlerFactory } from '../engine/types';
import { readClockStatus } from './clock-status';

export const createClockHandlers: HandlerFactory<typeof clockCalls> = (deps) => ({
  'clock.measure': ({ servers }) => readClockStatus(deps.ctx, servers ? { servers } : {}),
});
