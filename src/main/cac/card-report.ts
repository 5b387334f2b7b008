// Turns what was read from a card into what the user sees: certificate summaries with chain
// checks, and findings (expired, expiring within 30 days, not yet valid, chain, DoD Root CA 3).
import { cacFinding, type CardRead, type CertificateSummary, type SlotResult } from '../../shared/contract/cac';
import type { Finding } from '../../shared/model';
import { CertParseError, certFacts } from './cac-certificate';
import { CertPool, buildChain } from './cert-chain';
import { chuidExpired, parseChuid } from './chuid';
import { DOD_ROOTS, DOD_ROOT_CA_3, type DodRoot } from './dod-roots';
import type { RawCard } from './piv-reader';
import { TlvError } from './tlv';
import type { TrustStore } from './trust-store';

export const EXPIRING_DAYS = 30;
const DAY = 86_400_000;

export const FIX_RESTART_SERVICE = 'cac.restart-service';
/** DoD PKI guidance for installing the roots (allow-listed in external-links.ts). */
export const DOD_GUIDANCE_URL = 'https://public.cyber.mil/pki-pke/end-users/getting-started/';

/** A cac finding: its evidence must fit the schema of its id (contract/cac.ts). */
const finding = cacFinding;

export interface ReportInput {
  reader: string;
  atr: string;
  raw: RawCard;
  store: TrustStore;
  now: Date;
  elapsedMs: number;
  roots?: readonly DodRoot[];
}

export function certificateFindings(cert: CertificateSummary, now: Date): Finding[] {
  const out: Finding[] = [];
  const label = `${cert.slotName} certificate`;
  const ev = { slot: cert.slot, subject: cert.subject, notBefore: cert.notBefore, notAfter: cert.notAfter, sha1: cert.sha1 };
  if (Date.parse(cert.notBefore) > now.getTime()) {
    out.push(finding(`cac.cert-not-yet-valid-${cert.slot}`, 'fail', `${label} is not valid yet`, `It becomes valid on ${cert.notBefore.slice(0, 10)}. Check that this computer's date is right; if it is, the card was issued with a future date: ask your ID card office.`, ev));
  } else if (cert.daysLeft < 0) {
    out.push(finding(`cac.cert-expired-${cert.slot}`, 'fail', `${label} expired ${-cert.daysLeft} day(s) ago`, `It expired on ${cert.notAfter.slice(0, 10)}. Sign-in with this certificate will fail: renew the certificates at a RAPIDS/ID card office or the self-service portal.`, ev));
  } else if (cert.daysLeft <= EXPIRING_DAYS) {
    out.push(finding(`cac.cert-expiring-${cert.slot}`, 'warn', `${label} expires in ${cert.daysLeft} day(s)`, `It expires on ${cert.notAfter.slice(0, 10)}. Renew it before then to keep signing in.`, ev));
  }
  if (!cert.chain.complete || !cert.chain.dodRoot) {
    out.push(
      finding(
        `cac.chain-not-dod-${cert.slot}`,
        'warn',
        `${label}: chain does not reach a DoD root`,
        `${cert.chain.problem ?? `The chain ends at "${cert.chain.path[cert.chain.path.length - 1]}", which is not a DoD root.`} Install the DoD root and intermediate certificates (InstallRoot on Windows, the DoD PKCS#7 bundle on Linux/macOS).`,
        { ...ev, path: cert.chain.path, guidance: DOD_GUIDANCE_URL },
      ),
    );
  } else if (!cert.chain.trusted) {
    out.push(finding(`cac.chain-untrusted-${cert.slot}`, 'warn', `${label}: ${cert.chain.dodRoot} is not trusted by this computer`, 'Install the DoD roots into the system trust store.', { ...ev, path: cert.chain.path, guidance: DOD_GUIDANCE_URL }));
  }
  if (cert.chain.dodRoot === DOD_ROOT_CA_3.name) {
    const days = Math.floor((Date.parse(`${DOD_ROOT_CA_3.notAfter}T23:59:59Z`) - now.getTime()) / DAY);
    out.push(
      finding(
        `cac.dod-root-ca3-${cert.slot}`,
        days < 365 ? 'warn' : 'info',
        `${label} chains to DoD Root CA 3 (expires ${DOD_ROOT_CA_3.notAfter})`,
        `Certificates under DoD Root CA 3 stop validating after ${DOD_ROOT_CA_3.notAfter} (${days} days from now). Make sure DoD Root CA 4-6 are installed; new cards chain to them.`,
        { ...ev, root: DOD_ROOT_CA_3.name, guidance: DOD_GUIDANCE_URL },
      ),
    );
  }
  return out;
}

export async function buildCardReport(input: ReportInput): Promise<CardRead> {
  const { raw, now, store } = input;
  const findings: Finding[] = [];
  let chuid: CardRead['chuid'];
  if (raw.chuid) {
    try {
      const c = parseChuid(raw.chuid);
      chuid = { ...(c.expiry ? { expiry: c.expiry, expired: chuidExpired(c.expiry, now) } : {}), ...(c.guid ? { guid: c.guid } : {}) };
      if (chuid.expired && c.expiry) findings.push(finding('cac.chuid-expired', 'fail', 'The card itself has expired (CHUID)', `The card's CHUID says it expired on ${c.expiry}. Get a new card at a RAPIDS/ID card office.`, { expiry: c.expiry }));
    } catch (error) {
      if (!(error instanceof TlvError)) throw error;
      findings.push(finding('cac.chuid-unreadable', 'warn', 'The card\'s CHUID could not be read', error.message, {}));
    }
  }
  if (raw.kind === 'legacy-cac') {
    findings.push(finding('cac.legacy-cac', 'warn', 'Legacy CAC-only card', 'This card answers only the old CAC (GSC-IS) applets, not PIV. Windows, macOS and browsers expect PIV: the card likely needs replacing at an ID card office.', {}));
  } else if (raw.kind === 'unknown') {
    findings.push(finding('cac.not-piv', 'fail', 'Not a PIV or CAC card', 'The card answers neither the PIV nor the CAC applets. Check that you inserted your CAC.', {}));
  }

  const pool = new CertPool();
  for (const s of raw.slots) if (s.der) pool.add(s.der);
  for (const der of store.anchors) pool.add(der);

  const slots: SlotResult[] = [];
  for (const s of raw.slots) {
    const base = { slot: s.slot, slotName: s.name };
    if (s.status !== 'present' || !s.der) {
      slots.push({ ...base, status: s.status, ...(s.error ? { error: s.error } : {}) });
      if (s.status === 'unreadable') findings.push(finding(`cac.cert-unreadable-${s.slot}`, 'fail', `${s.name} certificate could not be read`, `${s.error ?? 'The card answered badly.'} Remove and reinsert the card; if it persists the card may be damaged.`, { slot: s.slot }));
      continue;
    }
    try {
      const facts = certFacts(s.der, now);
      const chain = await buildChain(s.der, pool, store.thumbprints, input.roots ?? DOD_ROOTS);
      const certificate: CertificateSummary = {
        ...base,
        ...facts,
        compressed: Boolean(s.compressed),
        chain: { path: chain.path, complete: chain.complete, trusted: chain.trusted, ...(chain.dodRoot ? { dodRoot: chain.dodRoot.name } : {}), ...(chain.problem ? { problem: chain.problem } : {}) },
      };
      slots.push({ ...base, status: 'present', certificate });
      findings.push(...certificateFindings(certificate, now));
    } catch (error) {
      if (!(error instanceof CertParseError)) throw error;
      slots.push({ ...base, status: 'unreadable', error: error.message });
      findings.push(finding(`cac.cert-unreadable-${s.slot}`, 'fail', `${s.name} certificate could not be read`, `${error.message}. Remove and reinsert the card; if it persists the card may be damaged.`, { slot: s.slot }));
    }
  }
  const present = slots.filter((s) => s.status === 'present').length;
  if (raw.kind === 'piv' && present === 0) findings.push(finding('cac.no-certificates', 'fail', 'No certificate could be read from the card', 'The PIV applet answered but no certificate was readable.', {}));
  if (raw.kind === 'piv' && present > 0 && !findings.some((f) => f.severity === 'fail' || f.severity === 'warn')) {
    findings.push(finding('cac.card-ok', 'ok', `Card read: ${present} certificate(s), all valid`, 'The certificates are valid and chain to a trusted DoD root.', { reader: input.reader }));
  }
  return {
    reader: input.reader,
    atr: input.atr,
    kind: raw.kind,
    ...(chuid ? { chuid } : {}),
    discovery: raw.discovery,
    slots,
    apduCount: raw.apduCount,
    elapsedMs: Math.round(input.elapsedMs),
    findings,
  };
}
