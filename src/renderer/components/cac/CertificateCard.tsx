// One certificate of the card (a PIV slot): name, EDIPI, expiry, chain trust, issuer, subject,
// serial, key and fingerprints.
import type { FC } from 'react';
import type { CertificateSummary, SlotResult } from '../../../shared/contract/cac';
import { expiryText } from './cac-text';

function trustText(chain: CertificateSummary['chain']): string {
  if (chain.trusted) return chain.dodRoot ? `trusted (${chain.dodRoot})` : 'trusted (not a DoD root)';
  return chain.dodRoot ? `${chain.dodRoot} not trusted here` : 'not trusted';
}

export const CertificateCard: FC<{ slot: SlotResult; cert: CertificateSummary }> = ({ slot, cert }) => {
  const tone = cert.daysLeft < 0 ? 'error' : cert.daysLeft <= 30 ? 'warn-text' : undefined;
  return (
    <section className="card" aria-labelledby={`cac-cert-${slot.slot}`} data-testid={`cac-cert-${slot.slot}`}>
      <h4 id={`cac-cert-${slot.slot}`}>
        {slot.slotName} <span className="code-name">(slot {slot.slot})</span>
      </h4>
      <dl className="fields">
        <div>
          <dt>Name</dt>
          <dd>{cert.commonName ?? cert.subject}</dd>
        </div>
        <div>
          <dt>EDIPI</dt>
          <dd data-testid={`cac-edipi-${slot.slot}`}>{cert.edipi ?? 'not a CAC-style name'}</dd>
        </div>
        <div>
          <dt>Expiry</dt>
          <dd className={tone}>
            {expiryText(cert.daysLeft)} ({cert.notAfter.slice(0, 10)}; valid from {cert.notBefore.slice(0, 10)})
          </dd>
        </div>
        <div>
          <dt>Chain</dt>
          <dd className={cert.chain.trusted && cert.chain.dodRoot ? undefined : 'warn-text'}>
            {trustText(cert.chain)}
            {cert.chain.problem ? ` — ${cert.chain.problem}` : ''}
          </dd>
        </div>
        <div>
          <dt>Issuer</dt>
          <dd>{cert.issuer}</dd>
        </div>
        <div>
          <dt>Subject</dt>
          <dd>{cert.subject}</dd>
        </div>
        <div>
          <dt>Serial</dt>
          <dd>{cert.serial}</dd>
        </div>
        <div>
          <dt>Key</dt>
          <dd>
            {cert.keyType}
            {cert.compressed ? ' (stored compressed)' : ''}
          </dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd>{cert.sha256}</dd>
        </div>
        <div>
          <dt>SHA-1</dt>
          <dd>{cert.sha1}</dd>
        </div>
      </dl>
    </section>
  );
};
