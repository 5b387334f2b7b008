// The teams domain: its checks, fixes and step executors, as the engine sees them.
import type { DomainModule } from '../engine/types';

export const teamsModule: DomainModule = { domain: 'teams', checks: [], fixes: [], steps: [] };
