// Options shared by the teams fixes. Their schemas (and boolOption) live in the contract
// (src/shared/contract/teams.ts); the quit grace comes from the config.
import type { EngineContext } from '../engine/types';

export { boolOption } from '../../shared/contract/teams';

export const DEFAULT_QUIT_GRACE_MS = 10_000;

/** How long a graceful quit may take: config `teams.quitGraceMs` (tests shorten it), else 10 s. */
export function graceMs(ctx: EngineContext): number {
  const section = ctx.config.teams;
  const value = section && typeof section === 'object' ? (section as Record<string, unknown>).quitGraceMs : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 120_000 ? value : DEFAULT_QUIT_GRACE_MS;
}
