// The teams domain: its checks, fixes, step executors, calls and CLI commands (loaded on first use).
import type { DomainModule } from '../engine/types';
import { runTeams } from './teams-cli';
import { createTeamsHandlers } from './handlers';
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
  handlers: createTeamsHandlers,
  commands: { teams: runTeams },
};
