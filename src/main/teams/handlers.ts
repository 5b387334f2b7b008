// IPC / harness handlers of the teams domain (see src/shared/contract/teams.ts).
import type { teamsCalls } from '../../shared/contract/teams';
import type { HandlerFactory } from '../service-types';

export const createTeamsHandlers: HandlerFactory<typeof teamsCalls> = () => ({});
