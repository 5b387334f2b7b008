// IPC / harness handlers of the network domain (see src/shared/contract/network.ts). In the app,
// Chromium's own proxy decision (session.resolveProxy, behind host.resolveProxy) is shown beside ours.
import type { networkCalls } from '../../shared/contract/network';
import type { HandlerFactory } from '../engine/types';
import { runNetworkProbe } from './network-probe';

export const createNetworkHandlers: HandlerFactory<typeof networkCalls> = (deps) => ({
  'network.probe': ({ cloud }) =>
    runNetworkProbe(deps.ctx, {
      ...(cloud ? { cloud } : {}),
      ...(deps.host.resolveProxy ? { resolveProxy: (url: string) => deps.host.resolveProxy!(url) } : {}),
    }),
});
