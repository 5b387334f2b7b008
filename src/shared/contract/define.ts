// Building blocks of the contract: a call is an input schema, an output schema and one line of doc.
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  doc: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): CallSpec<I, O> {
  return { input, output, doc };
}

export type CallTable = Record<string, CallSpec>;
export type EventTable = Record<string, z.ZodType>;

export const ErrorCodeSchema = z.enum([
  'bad-input', // the input failed validation; the handler never ran
  'unknown-call',
  'forbidden', // wrong sender / origin / token
  'not-found',
  'conflict', // e.g. undo would overwrite something new
  'blocked', // a precondition is not met (app running, admin needed)
  'failed', // the handler ran and failed
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CallErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type CallError = z.infer<typeof CallErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };

// ---- Findings and fix options, typed by id ----
// A domain declares, once, the evidence schema of each finding id and the options schema of each
// fix id (in its contract/<domain>.ts). Builders and readers follow the id: a misspelt evidence key
// or option is a type error, and contract/findings.ts looks the schema up at run time.

/** Keys: a finding id, or an id family ending in `-*` (`teams.client-*` holds `teams.client-new`, ...). */
export type SchemaTable = Record<string, z.ZodType>;

export interface DomainFindings<D extends string = string, T extends SchemaTable = SchemaTable> {
  domain: D;
  schemas: T;
}

function checkKeys(kind: string, domain: string, keys: readonly string[]): void {
  for (const key of keys) {
    if (!key.startsWith(`${domain}.`)) throw new Error(`${kind} ${key} is not in domain ${domain}`);
    if (key.includes('*') && !/^[a-z]+\.[a-z0-9-]*-\*$/.test(key)) throw new Error(`${kind} family ${key} must end in -*`);
  }
}

export function defineFindings<const D extends string, const T extends SchemaTable>(domain: D, schemas: T): DomainFindings<D, T> {
  checkKeys('finding', domain, Object.keys(schemas));
  return { domain, schemas };
}

export function defineFixOptions<const T extends SchemaTable>(domain: string, schemas: T): T {
  checkKeys('fix', domain, Object.keys(schemas));
  return schemas;
}

/** The ids a key stands for: itself, or for a family `teams.client-*` any `teams.client-…`. */
export type IdOfKey<K extends string> = K extends `${infer P}*` ? `${P}${string}` : K;
export type FindingIdIn<T extends SchemaTable> = { [K in keyof T & string]: IdOfKey<K> }[keyof T & string];
/** The key (id or family) a concrete id belongs to. */
export type KeyOfId<T extends SchemaTable, I extends string> = { [K in keyof T & string]: I extends IdOfKey<K> ? K : never }[keyof T & string];
/** What a builder passes as evidence for id I (zod input: optional fields may be left out). */
export type EvidenceInputIn<T extends SchemaTable, I extends string> = z.input<T[KeyOfId<T, I>]>;
/** What a reader gets for key K (zod output). */
export type EvidenceIn<T extends SchemaTable, K extends keyof T> = z.output<T[K]>;

export type FindingSeverity = 'ok' | 'info' | 'warn' | 'fail';

/** A typed constructor for one domain's findings: `finding(id, severity, title, detail, evidence, fixes)`. */
export function findingBuilder<D extends string, T extends SchemaTable>(def: DomainFindings<D, T>) {
  return <I extends FindingIdIn<T>>(id: I, severity: FindingSeverity, title: string, detail: string, evidence: EvidenceInputIn<T, I>, fixes: readonly string[] = []) => ({
    id: id as string,
    domain: def.domain,
    severity,
    title,
    detail,
    evidence: evidence as Record<string, unknown>,
    fixes: [...fixes],
  });
}
