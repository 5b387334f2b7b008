// IPC / harness handlers of the network domain (see src/shared/contract/network.ts).
import type { networkCalls } from '../../shared/contract/network';
import type { HandlerFactory } from '../service-types';

export const createNetworkHandlers: HandlerFactory<typeof networkCalls> = () => ({});
