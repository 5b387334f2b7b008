// IPC / harness handlers of the teams domain (see src/shared/contract/teams.ts).
import type { teamsCalls } from '../../shared/contract/teams';
import type { HandlerFactory } from '../engine/types';
import { officialReset } from './official-reset';
import { watchSignin } from './signin-watch';
import { teamsStatus } from './teams-checks';
import { startTeams } from './teams-start';

export const createTeamsHandlers: HandlerFactory<typeof teamsCalls> = (deps) => {
  // Sign-in watches still running when the service closes are ended (their watchers closed).
  const watches = new Set<AbortController>();
  deps.onClose(async () => {
    for (const w of watches) w.abort();
  });
  return {
    'teams.status': ({ sizes }) => teamsStatus(deps.ctx, { sizes }),
    'teams.official-reset': ({ open }) => officialReset(deps.ctx, deps.host, open),
    'teams.start': ({ client }) => startTeams(deps.ctx, client),
    'teams.watch-signin': async (input) => {
      const stop = new AbortController();
      watches.add(stop);
      try {
        return await watchSignin(deps.ctx, input, { signal: stop.signal });
      } finally {
        watches.delete(stop);
      }
    },
  };
};
