// IPC / harness handlers of the teams domain (see src/shared/contract/teams.ts).
import type { teamsCalls } from '../../shared/contract/teams';
import type { HandlerFactory } from '../engine/types';
import { officialReset } from './official-reset';
import { teamsStatus } from './teams-checks';

export const createTeamsHandlers: HandlerFactory<typeof teamsCalls> = (deps) => ({
  'teams.status': ({ sizes }) => teamsStatus(deps.ctx, { sizes }),
  'teams.official-reset': ({ open }) => officialReset(deps.ctx, deps.host, open),
});
