// IPC / harness handlers of the cac domain (see src/shared/contract/cac.ts).
import type { cacCalls } from '../../shared/contract/cac';
import type { HandlerFactory } from '../service-types';

export const createCacHandlers: HandlerFactory<typeof cacCalls> = () => ({});
