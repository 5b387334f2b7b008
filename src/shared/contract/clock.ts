// Calls of the clock domain: measure this computer's clock against NTP servers (or the sign-in
// endpoint's HTTP Date header) and read the time settings. True time = local time + offsetMs.
import { z } from 'zod';
import { FindingSchema } from '../model';
import { call, defineFindings, defineFixOptions, findingBuilder, type CallTable, type EventTable } from './define';

export const ServerResultSchema = z.object({
  /** As given: "time.windows.com", "127.0.0.1:12345", "[::1]:123". */
  server: z.string(),
  host: z.string(),
  port: z.number().int(),
  address: z.string().optional(),
  status: z.enum(['ok', 'rejected', 'timeout', 'dns-failure', 'error']),
  offsetMs: z.number().optional(),
  delayMs: z.number().optional(),
  stratum: z.number().int().optional(),
  refid: z.string().optional(),
  reason: z
    .enum(['truncated', 'spoofed-origin', 'not-server-mode', 'bad-version', 'kiss-o-death', 'unsynchronised', 'bad-stratum', 'zero-transmit', 'bad-root-distance', 'bad-timestamps'])
    .optional(),
  kissCode: z.string().optional(),
  detail: z.string().optional(),
  samples: z.number().int(),
});
export type ServerResultView = z.infer<typeof ServerResultSchema>;

export const ClockMethodSchema = z.enum(['sntp', 'https-date', 'none']);

export const ClockMeasurementSchema = z.object({
  method: ClockMethodSchema,
  /** True time = local time + offsetMs; absent when nothing could be measured. */
  offsetMs: z.number().optional(),
  servers: z.array(ServerResultSchema),
  agreeing: z.array(z.string()),
  disagreeing: z.array(z.string()),
  httpsDate: z
    .object({ ok: z.boolean(), url: z.string(), offsetMs: z.number().optional(), delayMs: z.number().optional(), serverDate: z.string().optional(), detail: z.string().optional() })
    .optional(),
  measuredAt: z.string(),
  durationMs: z.number(),
});
export type ClockMeasurement = z.infer<typeof ClockMeasurementSchema>;

export const TimeSettingsSchema = z.object({
  autoTime: z.enum(['on', 'off', 'unknown']),
  timeZone: z.string().optional(),
  timeServer: z.string().optional(),
  synchronized: z.boolean().optional(),
  /** Which commands were read, or why nothing could be. */
  source: z.string(),
});
export type TimeSettings = z.infer<typeof TimeSettingsSchema>;

// ---- Findings: evidence schema per id ----

export const clockFindings = defineFindings('clock', {
  'clock.skew': z.strictObject({
    method: ClockMethodSchema,
    servers: z.array(ServerResultSchema),
    agreeingServers: z.array(z.string()),
    disagreeingServers: z.array(z.string()),
    measuredAt: z.string(),
    /** True time = local time + offsetMs; absent when nothing could be measured. The one place readers get the offset. */
    offsetMs: z.number().optional(),
    httpsDate: ClockMeasurementSchema.shape.httpsDate,
    autoTime: TimeSettingsSchema.shape.autoTime.optional(),
    timeZone: z.string().optional(),
  }),
  'clock.auto-time': z.strictObject({
    autoTime: TimeSettingsSchema.shape.autoTime,
    source: z.string(),
    timeZone: z.string().optional(),
    timeServer: z.string().optional(),
    synchronized: z.boolean().optional(),
  }),
});
export const clockFinding = findingBuilder(clockFindings);

// ---- Fix options: schema per fix id ----

/** A DNS name (RFC 1123 labels) or a dotted IPv4 address: never starts with "-", no spaces or quotes (as os/elevate.ts checks again). */
const HOST_LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const HOSTNAME_RE = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})*$`);
const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export const TimeServerSchema = z.string().refine((s) => IPV4_RE.test(s) || (HOSTNAME_RE.test(s) && !/^[\d.]+$/.test(s)), 'a host name or an IPv4 address');

export const clockFixOptions = defineFixOptions('clock', {
  'clock.auto-time-on': z.object({}).strict(),
  'clock.resync': z.object({ server: TimeServerSchema.optional() }).strict(),
});

export const ClockStatusSchema = z.object({ measurement: ClockMeasurementSchema, settings: TimeSettingsSchema, findings: z.array(FindingSchema) });
export type ClockStatus = z.infer<typeof ClockStatusSchema>;

export const clockCalls = {
  'clock.measure': call(
    z.object({ servers: z.array(z.string().min(1).max(300)).max(16).optional() }).strict(),
    ClockStatusSchema,
    'Measures the clock against the given (or configured) time servers, falling back to the HTTPS Date header, and reads the time settings; returns the findings too.',
  ),
} satisfies CallTable;
export const clockEvents = {} satisfies EventTable;

/** "6 minutes fast", "2 hours slow", "within 1 second of true time". Offset: true = local + offsetMs. */
export function describeOffset(offsetMs: number): string {
  const abs = Math.abs(offsetMs);
  if (abs < 1000) return 'within 1 second of true time';
  const direction = offsetMs < 0 ? 'fast' : 'slow';
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const [size, name] = units.find(([u]) => abs >= u)!;
  const n = Math.round((abs / size) * 10) / 10;
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(1);
  return `${shown} ${name}${n === 1 ? '' : 's'} ${direction}`;
}
