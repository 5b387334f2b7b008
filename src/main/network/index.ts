// The network domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';
import { dnsFlushFix } from './dns-flush-fix';
import { networkChecks } from './network-checks';
import { networkSteps } from './network-steps';
import { proxyFixes } from './proxy-fixes';

export const networkModule: DomainModule = { domain: 'network', checks: networkChecks, fixes: [...proxyFixes, dnsFlushFix], steps: networkSteps };
