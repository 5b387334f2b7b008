// The device domain: one check (registration state, PRT, OS facts); no fixes: device registration is
// decided by IT and Entra ID, not repaired locally.
import type { DomainModule } from '../engine/types';
import { runDevice, runToken } from './device-cli';
import { createDeviceHandlers } from './handlers';
import { deviceStateCheck } from './device-checks';

export const deviceModule: DomainModule = { domain: 'device', checks: [deviceStateCheck], fixes: [], steps: [], handlers: createDeviceHandlers, commands: { device: runDevice, token: runToken } };
