// Calls of the report domain: the "Message for IT" and the support bundle (previewed before saving).
import { z } from 'zod';
import { DomainSchema } from '../model';
import { call, type CallTable, type EventTable } from './define';
import { MAX_EXPLAIN_INPUT } from './explain';

/**
 * report.json schema version.
 * 1: findings, device, explanation, message, history.
 * 2: adds `error` (the diagnosis error: codes, IDs, time, source, beforeRepair) and `causes` (the ranked
 *    causes with their evidence facts), and messageFacts.causes; everything else unchanged.
 */
export const REPORT_SCHEMA_VERSION = 2;

const ReportOptionsSchema = z.object({
  /** Error text the user pasted (explained, never copied into the bundle as is). */
  pastedText: z.string().max(MAX_EXPLAIN_INPUT).optional(),
  /** Keep user names, home paths, e-mail addresses, device names and IP addresses. Tokens and passwords are removed anyway. */
  includePersonal: z.boolean().default(false),
  /** Check only these domains (default: all). */
  only: z.array(DomainSchema).max(10).optional(),
});

export const ItMessageSchema = z.object({
  message: z.string(),
  /** The facts the message was built from, for display. */
  facts: z.object({
    errorCodes: z.array(z.string()),
    correlationId: z.string().optional(),
    requestId: z.string().optional(),
    traceId: z.string().optional(),
    timestamp: z.string().optional(),
    app: z.string().optional(),
    devicePlatform: z.string().optional(),
    deviceState: z.string().optional(),
    network: z.array(z.string()),
    clockSkew: z.string().optional(),
    tried: z.array(z.string()),
    /** The top causes (strongest first, at most 3), one line each. */
    causes: z.array(z.string()).optional(),
  }),
});
export type ItMessage = z.infer<typeof ItMessageSchema>;

export const BundleFileSchema = z.object({
  name: z.string(),
  bytes: z.number().int(),
  /** One line: what the file holds. */
  summary: z.string(),
  /** The start of the (already redacted) content, as it will be saved. */
  excerpt: z.string(),
});
export type BundleFile = z.infer<typeof BundleFileSchema>;

export const ReportPreviewSchema = z.object({
  /** Pass to report.write-bundle to save exactly what was previewed. */
  previewId: z.string(),
  message: z.string(),
  files: z.array(BundleFileSchema),
  redaction: z.object({
    personal: z.enum(['redacted', 'included']),
    /** How many values were replaced, by kind (email, ip, user, home, host, token, password...). */
    counts: z.record(z.string(), z.number().int()),
  }),
  findings: z.number().int(),
  worst: z.enum(['ok', 'info', 'warn', 'fail']),
});
export type ReportPreview = z.infer<typeof ReportPreviewSchema>;

export const reportCalls = {
  'report.it-message': call(
    ReportOptionsSchema.strict(),
    ItMessageSchema,
    'The "Message for IT": codes, IDs, timestamp, app, device state, network, clock skew and what was already tried.',
  ),
  'report.preview': call(
    ReportOptionsSchema.strict(),
    ReportPreviewSchema,
    'Run the diagnosis and build the support bundle in memory: the message and every file (redacted) shown before saving.',
  ),
  'report.write-bundle': call(
    ReportOptionsSchema.extend({
      /** Where to save; when absent the app asks with a save dialog. */
      path: z.string().min(1).max(4096).optional(),
      /** Save exactly what this preview showed (otherwise a fresh bundle is built). */
      previewId: z.string().max(64).optional(),
      /** Replace an existing file (the save dialog already asked). */
      overwrite: z.boolean().default(false),
    }).strict(),
    z.object({ saved: z.boolean(), path: z.string().optional(), bytes: z.number().int().optional(), files: z.array(z.string()) }),
    'Save the support bundle (zip) to a path, asking with a save dialog when none is given.',
  ),
} satisfies CallTable;
export const reportEvents = {} satisfies EventTable;
