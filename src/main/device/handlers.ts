// IPC / harness handlers of the device domain (see src/shared/contract/device.ts).
import type { deviceCalls } from '../../shared/contract/device';
import type { HandlerFactory } from '../service-types';

export const createDeviceHandlers: HandlerFactory<typeof deviceCalls> = () => ({});
