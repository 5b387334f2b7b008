// The verdict: the error's family gates which causes are considered, the evidence tests decide
// each one, and the causes are ranked. Pure: same input, same output (no clock, no I/O).
//   1. only causes of the error's family (no error: only measured faults of the rules that stand alone);
//   2. strong (a measured fault) > possible (not ruled out) > the server-side remainder > ruled out;
//      for Conditional Access with nothing strong, "not visible from this computer" leads;
//   3. within one strength, what the user can do now first (then the family's order).
// Never: a repair a family forbids (no cache clear or sign-in reset for a Conditional Access block,
// an account problem or MFA); "strong" without a finding's measured value; a fix on a ruled-out cause.
import type { BeforeRepair, Cause, CauseFact, CauseStrength, DiagnosisCode, DiagnosisError, DiagnosisErrorInput, DiagnosisResult } from '../../shared/contract/diagnosis';
import type { FixId } from '../../shared/contract/fixes';
import {
  ACCOUNT_PROBLEMS,
  CA_LOOKUP,
  CAUSE_RULES,
  ERROR_FAMILIES,
  STANDALONE_ORDER,
  familyOfCode,
  type CauseRuleId,
  type ErrorFamily,
  type ErrorFamilyId,
  type EvidenceTest,
  type Who,
} from '../../shared/knowledge/causes';
import { findExactEntry } from '../../shared/knowledge/catalog';
import type { CatalogEntry, CodeFamily } from '../../shared/contract/explain';
import type { Finding } from '../../shared/model';
import { observe, type Observation, type TestContext } from './evidence-tests';

export interface RankInput {
  error?: DiagnosisErrorInput;
  findings: readonly Finding[];
  now: Date;
}

const WHO_ORDER: Record<Who, number> = { user: 0, both: 1, it: 2 };
const ERROR_FACT = 'error';

interface Ranked {
  cause: Cause;
  tier: number;
  order: number;
}

/** The code the family is chosen by: a Conditional Access code first, then the first code with a family. */
export function leadCode(codes: readonly DiagnosisCode[]): { code: DiagnosisCode; family: ErrorFamilyId } | undefined {
  const withFamily = codes.flatMap((code) => {
    const family = familyOfCode(code.family, code.code);
    return family ? [{ code, family }] : [];
  });
  return withFamily.find((c) => ERROR_FAMILIES[c.family].conditionalAccess) ?? withFamily[0];
}

function combine(observations: readonly Observation[]): CauseStrength | undefined {
  const applicable = observations.filter((o) => o.verdict !== 'n/a');
  if (!applicable.length) return undefined;
  // Strong needs a fault measured by a finding (never the error's own words, never "could not read").
  if (applicable.some((o) => o.verdict === 'fault' && o.facts.some((f) => f.findingId !== ERROR_FACT))) return 'strong';
  if (applicable.every((o) => o.verdict === 'fine')) return 'ruled-out';
  return 'possible';
}

function allowedFixes(strength: CauseStrength, ruleId: CauseRuleId, observations: readonly Observation[], family: ErrorFamily | undefined): FixId[] {
  if (strength === 'ruled-out') return [];
  const rule = CAUSE_RULES[ruleId];
  const offered = new Set(observations.filter((o) => o.verdict === 'fault' || o.verdict === 'doubt').flatMap((o) => o.offered));
  const fixes = [...rule.fixes, ...(rule.findingFixes ?? []).filter((f) => offered.has(f))];
  const never = new Set(family?.neverFixes ?? []);
  return [...new Set(fixes)].filter((f) => !never.has(f));
}

function evaluate(ruleId: CauseRuleId, tests: readonly EvidenceTest[], ctx: TestContext, family: ErrorFamily | undefined, order: number): Ranked | undefined {
  const rule = CAUSE_RULES[ruleId];
  const observations = tests.map((t) => observe(t, ctx));
  const strength = combine(observations);
  if (!strength) return undefined;
  const because = dedupe(observations.flatMap((o) => o.facts));
  const cause: Cause = {
    id: ruleId,
    strength,
    title: rule.title,
    because,
    who: rule.who,
    userActions: strength === 'ruled-out' ? [] : [...rule.userActions],
    fixes: allowedFixes(strength, ruleId, observations, family),
    itActions: strength === 'ruled-out' ? [] : [...rule.itActions],
  };
  return { cause, tier: strength === 'strong' ? 0 : strength === 'possible' ? 1 : 3, order };
}

function dedupe(facts: readonly CauseFact[]): CauseFact[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = `${f.findingId}\n${f.fact}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function errorFindingId(error: DiagnosisErrorInput): string {
  return error.source.kind === 'teams-log' ? 'teams.log-signin-failure' : ERROR_FACT;
}

function errorFact(error: DiagnosisErrorInput, code: DiagnosisCode, family: ErrorFamily): CauseFact {
  const where = error.source.kind === 'teams-log' ? ` in the Teams log ${error.source.file}${error.source.time ? ` at ${error.source.time}` : ''}` : '';
  return { findingId: errorFindingId(error), fact: `${code.display}${code.name ? ` (${code.name})` : ''}${where}: ${family.title}` };
}

function lookupActions(error: DiagnosisErrorInput): string[] {
  const time = error.timestamp ? ` (at ${error.timestamp} UTC)` : '';
  const ids = error.requestId ? `${error.correlationId ?? ''}${error.correlationId ? `, Request ID ${error.requestId}` : ''}` : (error.correlationId ?? '');
  const first = error.correlationId
    ? CA_LOOKUP.withId.replace('{id}', ids).replace('{time}', time)
    : error.requestId
      ? CA_LOOKUP.withId.replace('Correlation ID {id}', `Request ID ${error.requestId}`).replace('{time}', time)
      : CA_LOOKUP.withoutId.replace('{time}', error.timestamp ? ` around ${error.timestamp} UTC` : ' and the time of the failure');
  return [first, CA_LOOKUP.whatIf, CA_LOOKUP.retention];
}

function remainderCause(error: DiagnosisErrorInput, code: DiagnosisCode, familyId: ErrorFamilyId, anyStrong: boolean, order: number): Ranked {
  const family = ERROR_FAMILIES[familyId];
  const r = family.remainder;
  const because = [errorFact(error, code, family)];
  let title = r.title;
  if (familyId === 'account' && ACCOUNT_PROBLEMS[code.code]) title = ACCOUNT_PROBLEMS[code.code]!;
  if (family.conditionalAccess) because.push({ findingId: ERROR_FACT, fact: 'Sign-in risk, the location as the server sees it and the policy itself are only visible in the sign-in log' });
  const itActions = family.conditionalAccess ? lookupActions(error) : [...r.itActions, ...(error.correlationId && familyId === 'service' ? [`Quote Correlation ID ${error.correlationId}${error.timestamp ? ` and ${error.timestamp} UTC` : ''}`] : [])];
  const cause: Cause = { id: r.id, strength: 'possible', title, because, who: r.who, userActions: [...r.userActions], fixes: [], itActions };
  return { cause, tier: r.leadsWhenNothingStrong && !anyStrong ? -1 : 2, order };
}

/** The catalog entry of the first code it explains exactly (WinHTTP codes are HRESULTs there); never a family-only entry. */
function explainedCode(error: DiagnosisErrorInput): { code: DiagnosisCode; entry: CatalogEntry } | undefined {
  for (const code of error.codes) {
    const family: CodeFamily | undefined = code.family === 'winhttp' ? 'hresult' : code.family;
    // Canonical codes are digits or upper-case hex (contract/explain.ts).
    const entry = findExactEntry(family, code.code.toUpperCase());
    if (entry) return { code, entry };
  }
  return undefined;
}

const FIXER_WORDS: Record<CatalogEntry['fixer'], string> = { user: 'you can fix it', admin: 'your IT admin must fix it', both: 'you and IT', developer: "the app's developer must fix it" };
const FIXER_WHO: Record<CatalogEntry['fixer'], Who> = { user: 'user', admin: 'it', both: 'both', developer: 'it' };

/**
 * A code the catalog explains that no family of causes covers (an app registration, federation or
 * password-change error…): what it means and who acts, from the catalog; no local cause is guessed
 * and no repair of ours is offered.
 */
function explainedCodeCause(error: DiagnosisErrorInput, known: { code: DiagnosisCode; entry: CatalogEntry }): Cause {
  const { code, entry } = known;
  const id = error.correlationId ?? error.requestId;
  const lookup = id ? `In the Entra admin center, Sign-in logs, the entry with ${error.correlationId ? 'Correlation ID' : 'Request ID'} ${id} shows the details` : undefined;
  return {
    id: 'code-explained',
    strength: 'possible',
    title: `${code.display} (${entry.name}): ${FIXER_WORDS[entry.fixer]}`,
    because: [{ findingId: errorFindingId(error), fact: `${code.display}: ${entry.meaning}` }],
    who: FIXER_WHO[entry.fixer],
    userActions: entry.userActions.length ? [...entry.userActions] : ['Send IT the error code, the Correlation ID and the time (signin-doctor report --message writes the message)'],
    fixes: [],
    itActions: [...entry.adminActions, ...(entry.fixer === 'developer' ? ["Pass the error to the app's developer or vendor: it is in the app's registration or its sign-in request, not on this computer"] : []), ...(lookup ? [lookup] : [])],
  };
}

function unknownCodeCause(error: DiagnosisErrorInput): Cause {
  const shown = error.codes.map((c) => c.display).join(', ');
  const id = error.correlationId ?? error.requestId;
  return {
    id: 'unknown-code',
    strength: 'possible',
    title: `${shown} is not a code we can tie to a cause`,
    because: [{ findingId: errorFindingId(error), fact: `${shown}: not in our rules, so no local cause is guessed` }],
    who: 'it',
    userActions: ['Send IT the error code, the Correlation ID and the time (signin-doctor report --message writes the message)'],
    fixes: [],
    itActions: [
      id
        ? `In the Entra admin center, open Sign-in logs and find the entry with ${error.correlationId ? 'Correlation ID' : 'Request ID'} ${id}${error.timestamp ? ` (at ${error.timestamp} UTC)` : ''}: its failure reason and details say what was refused`
        : 'In the Entra admin center, open Sign-in logs, filter by the user and the time of the failure, and read the failure reason',
    ],
  };
}

function sortRanked(list: Ranked[]): Cause[] {
  return list
    .sort((a, b) => a.tier - b.tier || WHO_ORDER[a.cause.who] - WHO_ORDER[b.cause.who] || a.order - b.order)
    .map((r) => r.cause);
}

/** "2026-11-23 07:00 UTC": when a repair ran, as the user reads it. */
export function repairTime(iso: string): string {
  return iso.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/, ' UTC');
}

/** The family's causes that the repair (newer than the error) addressed: shown as addressed, ruled out for now. */
function addressedCauses(family: ErrorFamily, ctx: TestContext, repair: BeforeRepair): Cause[] {
  return family.causes.flatMap((fc) => {
    const rule = CAUSE_RULES[fc.rule];
    if (!rule.fixes.includes(repair.fixId as FixId) && !(rule.findingFixes ?? []).includes(repair.fixId as FixId)) return [];
    const observed = dedupe((fc.tests ?? rule.tests).map((t) => observe(t, ctx)).flatMap((o) => o.facts));
    const because: CauseFact[] = [{ findingId: 'history', fact: `Addressed by your repair ${repair.fixId} at ${repairTime(repair.at)}; the error is from before it` }, ...observed];
    return [{ id: fc.rule, strength: 'ruled-out' as const, title: rule.title, because, who: rule.who, userActions: [], fixes: [], itActions: [], addressedBy: repair }];
  });
}

function verdictOf(error: DiagnosisErrorInput, lead: { code: DiagnosisCode; family: ErrorFamilyId } | undefined): string {
  const repaired = error.source.beforeRepair;
  const before = repaired ? `Before your repair at ${repairTime(repaired.at)} (${repaired.fixId}): ` : '';
  const after = repaired ? ' No sign-in failure since; the causes below come from the checks alone.' : '';
  return `${before}${verdictText(error, lead)}${after}`;
}

function verdictText(error: DiagnosisErrorInput, lead: { code: DiagnosisCode; family: ErrorFamilyId } | undefined): string {
  if (!error.codes.length) return 'No sign-in error code was found in the error; the causes come from the checks alone.';
  if (!lead) {
    const known = explainedCode(error);
    if (known) return `${known.code.display} (${known.entry.name}): ${known.entry.meaning}`;
    const first = error.codes[0]!;
    return `${first.display}${first.name ? ` (${first.name})` : ''}: not a code we can tie to a cause here; IT can look it up by its Correlation ID.`;
  }
  const family = ERROR_FAMILIES[lead.family];
  return `${lead.code.display}${lead.code.name ? ` (${lead.code.name})` : ''}: ${family.meaning}.`;
}

/** With no error: the measured faults alone, in the order of the rules. */
function measuredFaults(ctx: TestContext): Cause[] {
  const ranked = STANDALONE_ORDER.flatMap((id, order) => {
    const r = evaluate(id, CAUSE_RULES[id].tests, ctx, undefined, order);
    return r && r.cause.strength === 'strong' ? [r] : [];
  });
  return sortRanked(ranked);
}

export function rankCauses({ error, findings, now }: RankInput): DiagnosisResult {
  const ctx: TestContext = { findings, ...(error ? { error } : {}), now };
  if (!error) return { causes: measuredFaults(ctx) };
  const lead = leadCode(error.codes);
  const out: DiagnosisError = { ...error, ...(lead ? { family: lead.family, leadCode: lead.code.display } : {}), verdict: verdictOf(error, lead), meaning: verdictText(error, lead) };
  if (!error.codes.length) return { error: out, causes: measuredFaults(ctx) };
  if (!lead) {
    const known = explainedCode(error);
    return { error: out, causes: [known ? explainedCodeCause(error, known) : unknownCodeCause(error)] };
  }

  const family = ERROR_FAMILIES[lead.family];
  const repaired = error.source.beforeRepair;
  if (repaired) {
    // The repair's causes are addressed; their evidence (the failures in the logs) is from before it too.
    const addressed = addressedCauses(family, ctx, repaired);
    const gone = new Set(addressed.map((c) => c.id));
    return { error: out, causes: [...measuredFaults(ctx).filter((c) => !gone.has(c.id)), ...addressed] };
  }
  const local = family.causes.flatMap((fc, order) => {
    if (fc.onlyCodes && !fc.onlyCodes.includes(lead.code.code.toUpperCase())) return [];
    const r = evaluate(fc.rule, fc.tests ?? CAUSE_RULES[fc.rule].tests, ctx, family, order);
    return r ? [r] : [];
  });
  const anyStrong = local.some((r) => r.cause.strength === 'strong');
  const remainder = remainderCause(error, lead.code, lead.family, anyStrong, family.causes.length);
  const causes = sortRanked([...local, remainder]).map((c) => ({ ...c, fixes: c.fixes.filter((f) => !family.neverFixes.includes(f)) }));
  return { error: out, causes };
}
