// Small, schema-true values for component tests: a fix plan, a run record, and findings built with
// each domain's typed builder (their evidence checked against its schema).
import { cacFinding } from '../../../src/shared/contract/cac';
import { clockFinding } from '../../../src/shared/contract/clock';
import type { EndpointResult } from '../../../src/shared/contract/network';
import type { Finding, FixPlan, RunRecord } from '../../../src/shared/model';
import { checkedFindings } from './fake-bridge';

export function plan(overrides: Partial<FixPlan> = {}): FixPlan {
  return {
    fixId: 'teams.cache-clear',
    title: 'Clear the Teams cache',
    summary: 'Moves the cache folders of new Teams aside; Teams builds them again.',
    changes: ['Move EBWebView/ aside'],
    keeps: ['Backgrounds/Uploads'],
    steps: [],
    needsAdmin: false,
    needsClosed: ['New Teams'],
    undoable: true,
    undoDescription: 'Undo from History puts the folders back.',
    warnings: ['You will have to sign in to Teams again.'],
    planId: 'plan-0001',
    ...overrides,
  };
}

export function runRecord(p: FixPlan, overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    schema: 1,
    runId: '20261123T064112Z-abc123',
    fixId: p.fixId,
    status: 'verified',
    startedAt: '2026-11-23T06:41:12.000Z',
    updatedAt: '2026-11-23T06:41:14.000Z',
    plan: p,
    options: {},
    steps: [],
    undoSteps: [],
    verify: { ok: true, message: "Teams' folder is fresh.", findings: [] },
    ...overrides,
  };
}

/** A Teams finding with its evidence as the checks write it (teams has no builder; checked here). */
export function teamsFindings(list: Array<Pick<Finding, 'id' | 'evidence'> & Partial<Finding>>): Finding[] {
  return checkedFindings(list.map((f) => ({ domain: 'teams', severity: 'info', title: f.id, detail: '', fixes: [], ...f })));
}

export function endpoint(name: string, overrides: Partial<EndpointResult> = {}): EndpointResult {
  return {
    name,
    host: name,
    port: 443,
    role: 'sign-in',
    critical: true,
    route: { decision: 'DIRECT', source: 'env' },
    dns: { ok: true, ms: 3, addresses: ['192.0.2.10'] },
    tcp: { ok: true, ms: 5 },
    tls: { ok: true, ms: 20, protocol: 'TLSv1.3', chain: [{ subject: `CN=${name}`, issuer: 'CN=Public Root CA, O=Public', validFrom: '2026-01-01', validTo: '2027-01-01', fingerprint256: 'AA', selfSigned: false }], publicTrust: true },
    http: { ok: true, ms: 30, status: 200, jsonValid: true },
    ok: true,
    ms: 60,
    ...overrides,
  };
}

export function clockSkew(offsetMs: number | undefined): Finding {
  return checkedFindings([
    clockFinding('clock.skew', 'ok', 'Clock', '', {
      method: offsetMs === undefined ? 'none' : 'sntp',
      servers: [],
      agreeingServers: [],
      disagreeingServers: [],
      measuredAt: '2026-11-23T06:41:12.000Z',
      ...(offsetMs === undefined ? {} : { offsetMs }),
    }),
  ])[0]!;
}

export const bindingMissingFinding = (): Finding =>
  checkedFindings([
    cacFinding('cac.binding-missing', 'warn', 'Smart card checks unavailable: PC/SC binding not installed', 'The smartcard package is not installed.', {
      reason: 'not-installed',
      binding: 'smartcard (not installed)',
      advice: ['Install the build tools, then run npm install again.'],
    }),
  ])[0]!;
