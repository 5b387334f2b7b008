// The network domain: its checks, fixes, step executors, calls and CLI commands (loaded on first use).
import type { DomainModule } from '../engine/types';
import { runNetwork } from './network-cli';
import { createNetworkHandlers } from './handlers';
import { dnsFlushFix } from './dns-flush-fix';
import { networkChecks } from './network-checks';
import { networkSteps } from './network-steps';
import { proxyFixes } from './proxy-fixes';

export const networkModule: DomainModule = { domain: 'network', checks: networkChecks, fixes: [...proxyFixes, dnsFlushFix], steps: networkSteps, handlers: createNetworkHandlers, commands: { network: runNetwork } };
