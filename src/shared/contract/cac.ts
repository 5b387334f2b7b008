// Calls and events of the cac domain: PC/SC service and readers, a card's PIV objects and
// certificates, the guided reinsert flow, and live reader/card events.
import { z } from 'zod';
import { FindingSchema } from '../model';
import { call, defineFindings, defineFixOptions, findingBuilder, type CallTable, type EventTable } from './define';

export const PcscFailureSchema = z.object({
  /** PC/SC code as 8 hex digits (8010001D) or a card-level code (card-removed, hostile-card, ...). */
  code: z.string(),
  name: z.string(),
  message: z.string(),
  /** What the user can do, in order. */
  advice: z.array(z.string()),
});
export type PcscFailure = z.infer<typeof PcscFailureSchema>;

export const ReaderStateSchema = z.object({
  name: z.string(),
  cardPresent: z.boolean(),
  atr: z.string().optional(),
});
export type ReaderState = z.infer<typeof ReaderStateSchema>;

export const ServiceStateSchema = z.enum(['unknown', 'running', 'not-running', 'unavailable']);

export const CacStatusSchema = z.object({
  service: ServiceStateSchema,
  /** Binding that talks to PC/SC here (recorded in the README). */
  binding: z.string(),
  readers: z.array(ReaderStateSchema),
  failure: PcscFailureSchema.optional(),
  /** True while the live monitor runs (events flow). */
  watching: z.boolean(),
});
export type CacStatus = z.infer<typeof CacStatusSchema>;

export const CertSlotSchema = z.enum(['9a', '9c', '9d', '9e']);
export type CertSlot = z.infer<typeof CertSlotSchema>;

export const CertificateSummarySchema = z.object({
  slot: CertSlotSchema,
  slotName: z.string(),
  subject: z.string(),
  commonName: z.string().optional(),
  /** 10-digit DoD ID from a CAC-style CN (LAST.FIRST.MIDDLE.1234567890). */
  edipi: z.string().optional(),
  issuer: z.string(),
  serial: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Whole days from now to notAfter (negative once expired). */
  daysLeft: z.number().int(),
  keyType: z.string(),
  sha1: z.string(),
  sha256: z.string(),
  compressed: z.boolean(),
  chain: z.object({
    /** Subjects from the leaf up, as far as the chain could be built. */
    path: z.array(z.string()),
    complete: z.boolean(),
    /** The chain ends at a root this computer trusts. */
    trusted: z.boolean(),
    /** Name of the DoD root (by SHA-1 thumbprint) the chain ends at, if any. */
    dodRoot: z.string().optional(),
    problem: z.string().optional(),
  }),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

export const SlotResultSchema = z.object({
  slot: CertSlotSchema,
  slotName: z.string(),
  status: z.enum(['present', 'empty', 'pin-required', 'unreadable']),
  certificate: CertificateSummarySchema.optional(),
  error: z.string().optional(),
});
export type SlotResult = z.infer<typeof SlotResultSchema>;

export const CardReadSchema = z.object({
  reader: z.string(),
  atr: z.string(),
  /** piv: PIV applet answered; legacy-cac: only the GSC-IS CAC applets; unknown: neither. */
  kind: z.enum(['piv', 'legacy-cac', 'unknown']),
  chuid: z.object({ expiry: z.string().optional(), guid: z.string().optional(), expired: z.boolean().optional() }).optional(),
  discovery: z.boolean(),
  slots: z.array(SlotResultSchema),
  apduCount: z.number().int(),
  elapsedMs: z.number(),
  findings: z.array(FindingSchema),
});
export type CardRead = z.infer<typeof CardReadSchema>;

export const ReadOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), card: CardReadSchema }),
  z.object({ ok: z.literal(false), failure: PcscFailureSchema }),
]);
export type ReadOutcome = z.infer<typeof ReadOutcomeSchema>;

export const CacEventSchema = z.object({
  type: z.enum(['reader-attached', 'reader-detached', 'card-inserted', 'card-removed', 'service-lost', 'service-back']),
  reader: z.string().optional(),
  atr: z.string().optional(),
  at: z.string(),
  failure: PcscFailureSchema.optional(),
});
export type CacEvent = z.infer<typeof CacEventSchema>;

export const ReinsertStepSchema = z.enum(['remove', 'insert', 'reading', 'done', 'failed', 'cancelled']);
export const ReinsertEventSchema = z.object({
  step: ReinsertStepSchema,
  message: z.string(),
  reader: z.string().optional(),
  result: ReadOutcomeSchema.optional(),
});
export type ReinsertEvent = z.infer<typeof ReinsertEventSchema>;

// ---- Findings: evidence schema per id ----

const CertEvidence = { slot: CertSlotSchema, subject: z.string(), notBefore: z.string(), notAfter: z.string(), sha1: z.string() };
const CertValiditySchema = z.strictObject(CertEvidence);
const ChainSchema = z.strictObject({ ...CertEvidence, path: z.array(z.string()), guidance: z.string() });
const Empty = z.strictObject({});

export const cacFindings = defineFindings('cac', {
  /** Running: the binding that reached it; not reachable: the PC/SC code and the advice. */
  'cac.service': z.strictObject({ binding: z.string(), code: z.string().optional(), advice: z.array(z.string()).optional() }),
  'cac.binding-missing': z.strictObject({ reason: z.enum(['not-installed', 'cannot-load']), binding: z.string(), advice: z.array(z.string()) }),
  'cac.readers': z.strictObject({ readers: z.array(ReaderStateSchema).optional() }),
  /** No card: empty; unreadable: code and advice; read: what the card holds. */
  'cac.card': z.strictObject({
    code: z.string().optional(),
    advice: z.array(z.string()).optional(),
    atr: z.string().optional(),
    chuid: CardReadSchema.shape.chuid,
    slots: z
      .array(z.strictObject({ slot: CertSlotSchema, status: SlotResultSchema.shape.status, subject: z.string().optional(), notAfter: z.string().optional(), sha1: z.string().optional() }))
      .optional(),
  }),
  'cac.cert-not-yet-valid-*': CertValiditySchema,
  'cac.cert-expired-*': CertValiditySchema,
  'cac.cert-expiring-*': CertValiditySchema,
  'cac.chain-not-dod-*': ChainSchema,
  'cac.chain-untrusted-*': ChainSchema,
  'cac.dod-root-ca3-*': z.strictObject({ ...CertEvidence, root: z.string(), guidance: z.string() }),
  'cac.cert-unreadable-*': z.strictObject({ slot: CertSlotSchema }),
  'cac.chuid-expired': z.strictObject({ expiry: z.string() }),
  'cac.chuid-unreadable': Empty,
  'cac.legacy-cac': Empty,
  'cac.not-piv': Empty,
  'cac.no-certificates': Empty,
  'cac.card-ok': z.strictObject({ reader: z.string() }),
});
export const cacFinding = findingBuilder(cacFindings);

// ---- Fix options: schema per fix id ----

export const cacFixOptions = defineFixOptions('cac', {
  // `bundle`, not `file`: the CLI's `fix` command keeps --file for itself.
  'cac.import-dod-roots': z.object({ bundle: z.string().min(1).max(4096) }).strict(),
  'cac.restart-service': z.object({}).strict(),
});

const ReaderInput = z.object({ reader: z.string().max(200).optional() }).strict();

export const cacCalls = {
  'cac.status': call(z.object({}).strict(), CacStatusSchema, 'PC/SC service health and the readers with their card state; starts live events.'),
  'cac.watch-stop': call(z.object({}).strict(), z.object({ stopped: z.boolean() }), 'Stop the live monitor (the app does this on close).'),
  'cac.read-card': call(ReaderInput, ReadOutcomeSchema, 'Read the card: ATR, PIV/CAC applets, CHUID, the four certificates, chain checks.'),
  'cac.reinsert-start': call(
    z.object({ reader: z.string().max(200).optional(), timeoutMs: z.number().int().min(1000).max(300_000).default(60_000) }).strict(),
    z.object({ started: z.boolean(), reader: z.string().optional(), message: z.string() }),
    'Guided reinsert: progress arrives as cac-reinsert events (remove -> insert -> reading -> done).',
  ),
  'cac.reinsert-cancel': call(z.object({}).strict(), z.object({ cancelled: z.boolean() }), 'Cancel the guided reinsert flow.'),
  'cac.choose-bundle': call(
    z.object({}).strict(),
    z.object({ path: z.string().optional(), guidanceUrl: z.string() }),
    'Ask the user (OS file dialog) for a DoD root bundle (.p7b/.pem) for the cac.import-dod-roots fix; no path when cancelled or when there is no dialog (CLI).',
  ),
} satisfies CallTable;

export const cacEvents = {
  'cac-event': CacEventSchema,
  'cac-reinsert': ReinsertEventSchema,
} satisfies EventTable;
