// The outcome of reading the card: the failure with advice, or the card (kind, ATR, CHUID expiry,
// read cost), each slot's certificate and what the card check found (with its fixes).
import type { FC } from 'react';
import type { ReadOutcome, SlotResult } from '../../../shared/contract/cac';
import type { Finding } from '../../../shared/model';
import { FindingList } from '../FindingList';
import { CertificateCard } from './CertificateCard';

type CardRead = Extract<ReadOutcome, { ok: true }>['card'];
const KIND_TEXT: Record<CardRead['kind'], string> = { piv: 'PIV (CAC with PIV applet)', 'legacy-cac': 'legacy CAC-only card', unknown: 'not a PIV or CAC card' };

function emptySlotText(s: SlotResult): string {
  if (s.status === 'empty') return 'empty (normal on many cards)';
  if (s.status === 'pin-required') return 'needs a PIN to read';
  return `unreadable — ${s.error ?? ''}`;
}

export const CardReadView: FC<{ outcome: ReadOutcome; onFix(fixId: string): void; fixTitles: Record<string, string> }> = ({ outcome, onFix, fixTitles }) => {
  if (!outcome.ok) {
    return (
      <div role="status" data-testid="cac-read-failure">
        <p className="error">
          Card read failed: {outcome.failure.name}. {outcome.failure.message}
        </p>
        <ul>
          {outcome.failure.advice.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </div>
    );
  }
  const c = outcome.card;
  const kind = KIND_TEXT[c.kind];
  const problems: Finding[] = c.findings;
  return (
    <div data-testid="cac-read">
      <dl className="fields">
        <div>
          <dt>Card</dt>
          <dd data-testid="cac-kind">{kind}</dd>
        </div>
        <div>
          <dt>ATR</dt>
          <dd>{c.atr}</dd>
        </div>
        {c.chuid?.expiry && (
          <div>
            <dt>Card expiry (CHUID)</dt>
            <dd className={c.chuid.expired ? 'error' : undefined}>
              {c.chuid.expiry}
              {c.chuid.expired ? ' — expired' : ''}
            </dd>
          </div>
        )}
        <div>
          <dt>Read</dt>
          <dd>
            {c.apduCount} APDUs in {c.elapsedMs} ms from {c.reader}
          </dd>
        </div>
      </dl>
      {c.slots.map((s) =>
        s.certificate ? (
          <CertificateCard key={s.slot} slot={s} cert={s.certificate} />
        ) : (
          <p key={s.slot} data-testid={`cac-cert-${s.slot}`}>
            <strong>{s.slotName}</strong> (slot {s.slot}): {emptySlotText(s)}
          </p>
        ),
      )}
      {problems.length > 0 && (
        <>
          <h4>What the card check found</h4>
          <FindingList findings={problems} onFix={onFix} fixTitles={fixTitles} />
        </>
      )}
    </div>
  );
};
