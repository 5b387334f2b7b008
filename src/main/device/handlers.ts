// IPC / harness handlers of the device domain (see src/shared/contract/device.ts). The token call
// is a plain call, never a fix: nothing about it reaches the journal, a log or a report.
import type { deviceCalls } from '../../shared/contract/device';
import { badInput } from '../common/errors';
import type { HandlerFactory } from '../engine/types';
import { readDeviceStatus } from './device-checks';
import { TokenInputError, inspectToken } from './token-inspect';

export const createDeviceHandlers: HandlerFactory<typeof deviceCalls> = (deps) => ({
  'device.status': () => readDeviceStatus(deps.ctx),
  'device.inspect-token': async ({ token, needScopes, offsetMs, expectAudience }) => {
    try {
      return inspectToken(token, { now: deps.ctx.now(), needScopes, ...(offsetMs !== undefined ? { offsetMs } : {}), ...(expectAudience ? { expectAudience } : {}) });
    } catch (error) {
      if (error instanceof TokenInputError) throw badInput(error.message);
      throw error;
    }
  },
});
