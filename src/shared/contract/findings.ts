// Every finding id's evidence schema, from the domains' contract files, and the typed way to read
// it: `evidenceOf(finding, 'clock.skew')` gives the parsed evidence of that id (or undefined when
// the finding is another one or its evidence does not fit), so the renderer, the report and the
// causes engine never coerce `evidence['x']`. Ids with a variable part are one family
// (`teams.client-*`); the check runner's problem findings (`<checkId>-error`) share one schema.
import { z } from 'zod';
import type { Finding } from '../model';
import { cacFindings } from './cac';
import { clockFindings } from './clock';
import type { EvidenceIn, IdOfKey } from './define';
import { deviceFindings } from './device';
import { explainFindings } from './explain';
import { networkFindings } from './network';
import { teamsFindings } from './teams';

/** A check that timed out, threw or returned a malformed finding: `<checkId>-error`, naming the check. */
export const ProblemEvidenceSchema = z.strictObject({ check: z.string() });
export const PROBLEM_KEY = '*-error';

export const findingSchemas = {
  ...explainFindings.schemas,
  ...teamsFindings.schemas,
  ...cacFindings.schemas,
  ...clockFindings.schemas,
  ...networkFindings.schemas,
  ...deviceFindings.schemas,
  [PROBLEM_KEY]: ProblemEvidenceSchema,
} as const;
export type FindingSchemas = typeof findingSchemas;
/** An exact finding id or a family (`teams.client-*`). */
export type FindingKey = keyof FindingSchemas & string;
/** Every id a finding may have. */
export type FindingId = IdOfKey<FindingKey>;
export type Evidence<K extends FindingKey> = EvidenceIn<FindingSchemas, K>;

/** The variable part of a family id: one kebab-free segment (`new`, `9a`). */
const FAMILY_PART = /^[a-z0-9]+$/;
const PROBLEM_ID = /^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+-error$/;
const TABLE: Record<string, z.ZodType> = findingSchemas;

function matches(id: string, key: string): boolean {
  if (key === PROBLEM_KEY) return PROBLEM_ID.test(id);
  if (!key.endsWith('*')) return id === key;
  const prefix = key.slice(0, -1);
  return id.startsWith(prefix) && FAMILY_PART.test(id.slice(prefix.length));
}

/** The key (exact id, family or the problem key) whose schema applies to an id; exact ids win over the problem key (`device.last-error`). */
export function findingKeyFor(id: string): FindingKey | undefined {
  if (!id.includes('*') && Object.prototype.hasOwnProperty.call(TABLE, id)) return id as FindingKey;
  const keys = Object.keys(TABLE).filter((k) => k.endsWith('*') && k !== PROBLEM_KEY && matches(id, k));
  if (keys.length === 1) return keys[0] as FindingKey;
  if (keys.length > 1) return undefined; // ambiguous: a test keeps the families apart
  return !id.includes('*') && matches(id, PROBLEM_KEY) ? PROBLEM_KEY : undefined;
}

export function findingSchemaFor(id: string): z.ZodType | undefined {
  const key = findingKeyFor(id);
  return key ? TABLE[key] : undefined;
}

/** Why a finding's evidence does not fit its id's schema (or there is none), or undefined when it fits. */
export function evidenceMismatch(f: Pick<Finding, 'id' | 'evidence'>): string | undefined {
  const schema = findingSchemaFor(f.id);
  if (!schema) return `${f.id}: no evidence schema (declare it in src/shared/contract/<domain>.ts)`;
  const parsed = schema.safeParse(f.evidence);
  return parsed.success ? undefined : `${f.id}: evidence does not match its schema: ${z.prettifyError(parsed.error)}`;
}

/** The typed evidence of a finding when it is the one asked for (an id or a family) and its evidence fits. */
export function evidenceOf<K extends FindingKey>(f: Pick<Finding, 'id' | 'evidence'> | undefined, key: K): Evidence<K> | undefined {
  if (!f || findingKeyFor(f.id) !== key) return undefined;
  const parsed = TABLE[key]!.safeParse(f.evidence);
  return parsed.success ? (parsed.data as Evidence<K>) : undefined;
}

/** Every finding of an id or family with its typed evidence, in order (findings whose evidence does not fit are left out). */
export function findingsWith<K extends FindingKey>(findings: readonly Finding[], key: K): Array<{ finding: Finding; evidence: Evidence<K> }> {
  return findings.flatMap((finding) => {
    const evidence = evidenceOf(finding, key);
    return evidence ? [{ finding, evidence }] : [];
  });
}

/** The first finding of an id or family with its typed evidence. */
export function firstWith<K extends FindingKey>(findings: readonly Finding[], key: K): { finding: Finding; evidence: Evidence<K> } | undefined {
  return findingsWith(findings, key)[0];
}
