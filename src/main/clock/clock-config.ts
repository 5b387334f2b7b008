// The clock section of the config file (ctx.config.clock): servers, the Date-header URL, timeouts.
// Tests point these at loopback peers; a malformed section falls back to the defaults.
import { z } from 'zod';
import type { EngineContext } from '../engine/types';
import { parseServerAddress } from './server-address';

export const DEFAULT_SERVERS = ['time.windows.com', 'time.apple.com', 'pool.ntp.org'];
export const DEFAULT_DATE_URL = 'https://login.microsoftonline.com';

// A server name reaches the elevated `sntp` of clock.resync on macOS: only what the strict address
// parser accepts (host, host:port, IP literals) is taken; a section with anything else is ignored.
const Server = z.string().refine((s) => !('error' in parseServerAddress(s)), 'not a time server address');

const ClockConfigSchema = z.object({
  servers: z.array(Server).min(1).max(16).optional(),
  dateUrl: z.string().url().refine((u) => /^https?:/.test(u), 'an http(s) URL').optional(),
  timeoutMs: z.number().int().min(50).max(30_000).optional(),
  samples: z.number().int().min(1).max(8).optional(),
  toleranceMs: z.number().min(1).max(600_000).optional(),
});

export interface ClockSettings {
  servers: string[];
  dateUrl: string;
  timeoutMs: number;
  samples: number;
  toleranceMs: number;
}

export function clockSettings(ctx: Pick<EngineContext, 'config'>): ClockSettings {
  const parsed = ClockConfigSchema.safeParse(ctx.config.clock ?? {});
  const c = parsed.success ? parsed.data : {};
  return {
    servers: c.servers ?? DEFAULT_SERVERS,
    dateUrl: c.dateUrl ?? DEFAULT_DATE_URL,
    timeoutMs: c.timeoutMs ?? 2000,
    samples: c.samples ?? 2,
    toleranceMs: c.toleranceMs ?? 1000,
  };
}
