// The teams domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';
import { cacheClearFix } from './cache-clear-fix';
import { keychainDeleteStep } from './keychain';
import { signinResetFix } from './signin-reset-fix';
import { clientsCheck, logsCheck } from './teams-checks';
import { teamsSteps } from './teams-steps';

export const teamsModule: DomainModule = {
  domain: 'teams',
  checks: [clientsCheck, logsCheck],
  fixes: [cacheClearFix, signinResetFix],
  steps: [...teamsSteps, keychainDeleteStep],
};
