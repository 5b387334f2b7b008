// Options shared by the teams fixes. The CLI passes strings ("true") or a bare flag (true); IPC
// passes booleans: both are accepted, anything else is bad input.
import { z } from 'zod';
import type { EngineContext } from '../engine/types';

export const boolOption = z
  .union([z.boolean(), z.enum(['true', 'false', 'yes', 'no', '1', '0'])])
  .default(false)
  .transform((v) => v === true || v === 'true' || v === 'yes' || v === '1');

export const DEFAULT_QUIT_GRACE_MS = 10_000;

/** How long a graceful quit may take: config `teams.quitGraceMs` (tests shorten it), else 10 s. */
export function graceMs(ctx: EngineContext): number {
  const section = ctx.config.teams;
  const value = section && typeof section === 'object' ? (section as Record<string, unknown>).quitGraceMs : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 120_000 ? value : DEFAULT_QUIT_GRACE_MS;
}
