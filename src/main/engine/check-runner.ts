// Runs checks concurrently, each under its own timeout: one slow or broken check never holds
// the others, and its failure becomes a finding the user can read instead of a crash.
import { evidenceMismatch } from '../../shared/contract/findings';
import { FindingSchema, type Finding } from '../../shared/model';
import { withDeadline } from './deadline';
import type { CheckContext, CheckDefinition, CheckHostContext } from './types';

export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;

/**
 * Each finding's evidence is checked against its id's schema (src/shared/contract/<domain>.ts).
 * Under vitest a finding without a schema or whose evidence does not fit fails the run loudly; in
 * production it is kept as it is (a real finding is never lost to a schema slip). A test that
 * plants findings the way production would keep them turns `strict` off for its duration.
 */
export const evidenceValidation = { strict: Boolean(process.env.VITEST) };

export class EvidenceSchemaError extends Error {
  override name = 'EvidenceSchemaError';
}

export interface CheckProgress {
  checkId: string;
  state: 'started' | 'finished';
  done: number;
  total: number;
  findings?: Finding[];
}

function problemFinding(check: CheckDefinition, title: string, detail: string): Finding {
  return { id: `${check.id}-error`, domain: check.domain, severity: 'warn', title, detail, evidence: { check: check.id }, fixes: [] };
}

async function runOne(check: CheckDefinition, ctx: CheckHostContext): Promise<Finding[]> {
  const controller = new AbortController();
  const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  // Every program the check starts is killed when the check is stopped (timeout or cancel).
  const exec: CheckContext['exec'] = (file, args, options) => ctx.exec(file, args, { signal: controller.signal, ...options });
  const checkCtx: CheckContext = { ...ctx, exec, signal: controller.signal };
  const slips: string[] = [];
  const work = (async () => {
    try {
      const findings = await check.run(checkCtx);
      return findings.map((f) => {
        const parsed = FindingSchema.safeParse(f);
        const slip = parsed.success ? evidenceMismatch(parsed.data) : undefined;
        if (slip) slips.push(slip);
        return parsed.success ? parsed.data : problemFinding(check, `${check.title}: bad result`, 'The check returned a malformed finding.');
      });
    } catch (error) {
      return [problemFinding(check, `${check.title}: could not run`, error instanceof Error ? error.message : String(error))];
    }
  })();
  const findings = await withDeadline(work, timeoutMs, () => {
    controller.abort(new Error('timed out'));
    return [problemFinding(check, `${check.title}: timed out`, `The check did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`)];
  });
  if (slips.length && evidenceValidation.strict) throw new EvidenceSchemaError(`check ${check.id}: ${slips.join('; ')}`);
  return findings;
}

export async function runChecks(
  checks: readonly CheckDefinition[],
  ctx: CheckHostContext,
  onProgress?: (p: CheckProgress) => void,
): Promise<Finding[]> {
  let done = 0;
  const total = checks.length;
  const results = await Promise.all(
    checks.map(async (check) => {
      onProgress?.({ checkId: check.id, state: 'started', done, total });
      const findings = await runOne(check, ctx);
      done += 1;
      onProgress?.({ checkId: check.id, state: 'finished', done, total, findings });
      return findings;
    }),
  );
  return results.flat();
}
