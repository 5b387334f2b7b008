// The CAC screen (and the CAC card on the Checks screen): smart-card service state with advice,
// readers and cards updated live from main's `cac-event` pushes, the card read (ATR, PIV or legacy
// CAC, CHUID, the four certificates), findings with fixes through the shared FixDialog, and the
// guided "reinsert your card" flow whose every step is confirmed by a real reader event.
import { useCallback, useEffect, useState, type FC } from 'react';
import type { CacEvent, CacStatus, CertificateSummary, ReadOutcome, ReinsertEvent, SlotResult } from '../../shared/contract/cac';
import { isFixId, type WireFixOptions } from '../../shared/contract/fixes';
import type { Finding } from '../../shared/model';
import { api, errorText } from '../api';
import type { DomainCardProps, OpenFix } from '../domains/types';
import { ErrorAlert } from './ErrorAlert';
import { FindingList } from './FindingList';
import { FixDialog } from './FixDialog';

const EVENT_TEXT: Record<CacEvent['type'], string> = {
  'reader-attached': 'Reader attached',
  'reader-detached': 'Reader detached',
  'card-inserted': 'Card inserted',
  'card-removed': 'Card removed',
  'service-lost': 'Smart card service stopped',
  'service-back': 'Smart card service is back',
};

const SERVICE_TEXT: Record<CacStatus['service'], string> = {
  unknown: 'checking…',
  running: 'running',
  'not-running': 'not running',
  unavailable: 'not available',
};

const FLOW_TITLE: Record<ReinsertEvent['step'], string> = {
  remove: 'Step 1 of 3: remove your card',
  insert: 'Step 2 of 3: insert your card',
  reading: 'Step 3 of 3: reading',
  done: 'Done',
  failed: 'Stopped',
  cancelled: 'Cancelled',
};

const REINSERT_TIMEOUT_MS = 60_000;
const GUIDANCE_URL = 'https://public.cyber.mil/pki-pke/end-users/getting-started/';

function expiryText(days: number): string {
  if (days < 0) return `expired ${-days} day(s) ago`;
  if (days === 0) return 'expires today';
  return `expires in ${days} day(s)`;
}

const CertificateCard: FC<{ slot: SlotResult; cert: CertificateSummary }> = ({ slot, cert }) => {
  const trust = cert.chain.trusted ? (cert.chain.dodRoot ? `trusted (${cert.chain.dodRoot})` : 'trusted (not a DoD root)') : cert.chain.dodRoot ? `${cert.chain.dodRoot} not trusted here` : 'not trusted';
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
            {trust}
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

const CardReadView: FC<{ outcome: ReadOutcome; onFix(fixId: string): void; fixTitles: Record<string, string> }> = ({ outcome, onFix, fixTitles }) => {
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
  const kind = c.kind === 'piv' ? 'PIV (CAC with PIV applet)' : c.kind === 'legacy-cac' ? 'legacy CAC-only card' : 'not a PIV or CAC card';
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
            <strong>{s.slotName}</strong> (slot {s.slot}): {s.status === 'empty' ? 'empty (normal on many cards)' : s.status === 'pin-required' ? 'needs a PIN to read' : `unreadable — ${s.error ?? ''}`}
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

export const CacPanel: FC<{ findings?: Finding[]; onFix?: DomainCardProps['onFix'] }> = ({ findings = [], onFix }) => {
  const [status, setStatus] = useState<CacStatus>();
  const [events, setEvents] = useState<CacEvent[]>([]);
  const [read, setRead] = useState<ReadOutcome>();
  const [reading, setReading] = useState(false);
  const [flow, setFlow] = useState<ReinsertEvent>();
  const [flowActive, setFlowActive] = useState(false);
  const [error, setError] = useState('');
  const [fixTitles, setFixTitles] = useState<Record<string, string>>({});
  const [fix, setFix] = useState<{ fixId: string; options?: WireFixOptions }>();
  const [bundlePath, setBundlePath] = useState('');
  const [askPath, setAskPath] = useState(false);

  const refresh = useCallback(() => {
    api.call('cac.status', {}).then(setStatus, (e) => setError(errorText(e)));
  }, []);

  useEffect(() => {
    refresh();
    api.call('fix.list', {}).then((list) => setFixTitles(Object.fromEntries(list.map((f) => [f.id, f.title]))), () => undefined);
    const offEvent = api.on('cac-event', (e) => {
      setEvents((prev) => [e, ...prev].slice(0, 20));
      refresh();
    });
    const offFlow = api.on('cac-reinsert', (e) => {
      setFlow(e);
      if (e.result) setRead(e.result);
      if (e.step === 'done' || e.step === 'failed' || e.step === 'cancelled') setFlowActive(false);
    });
    return () => {
      offEvent();
      offFlow();
    };
  }, [refresh]);

  const openFix: OpenFix = (fixId, options) => {
    if (onFix) onFix(fixId, options);
    else setFix({ fixId, ...(options ? { options: options as WireFixOptions } : {}) });
  };
  /** A fix a finding names (an id known only at run time). */
  const openFindingFix = (id: string) => {
    if (isFixId(id)) openFix(id);
  };

  const readCard = async (reader?: string) => {
    setError('');
    setReading(true);
    try {
      setRead(await api.call('cac.read-card', reader ? { reader } : {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setReading(false);
    }
  };

  const startFlow = async () => {
    setError('');
    setFlow(undefined);
    try {
      const r = await api.call('cac.reinsert-start', { timeoutMs: REINSERT_TIMEOUT_MS });
      if (!r.started) setError(r.message);
      else setFlowActive(true);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const chooseBundle = async () => {
    setError('');
    try {
      const r = await api.call('cac.choose-bundle', {});
      if (r.path) openFix('cac.import-dod-roots', { bundle: r.path });
      else setAskPath(true); // no file dialog here (remote session, test harness): type the path
    } catch (e) {
      setError(errorText(e));
    }
  };

  const openGuidance = () => api.call('shell.open-external', { url: GUIDANCE_URL }).catch((e: unknown) => setError(errorText(e)));

  const service = findings.find((f) => f.id === 'cac.service');
  const running = status?.service === 'running';
  const withCard = status?.readers.find((r) => r.cardPresent);

  return (
    <div className="card" data-testid="cac-card">
      <h3>Smart card (CAC)</h3>
      <dl className="fields">
        <div>
          <dt>Smart card service</dt>
          <dd data-testid="cac-service" className={status && !running ? 'error' : undefined}>
            {status ? SERVICE_TEXT[status.service] : 'checking…'}
            {status?.failure ? ` — ${status.failure.name}` : ''}
          </dd>
        </div>
        <div>
          <dt>Readers</dt>
          <dd>
            {status && running && status.readers.length === 0 && 'none attached: plug the reader in directly (not through a hub or dock)'}
            {status && status.readers.length > 0 && (
              <ul data-testid="cac-readers" aria-label="Smart card readers">
                {status.readers.map((r) => (
                  <li key={r.name} data-reader={r.name} data-card={r.cardPresent ? 'yes' : 'no'}>
                    {r.name}: {r.cardPresent ? 'card inserted' : 'no card'}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      {status?.failure && (
        <div data-testid="cac-service-advice">
          <p>{status.failure.message}</p>
          <ul>
            {status.failure.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      )}

      <div className="actions">
        <button type="button" className="primary" disabled={!withCard || reading || flowActive} onClick={() => void readCard(withCard?.name)}>
          {reading ? 'Reading…' : 'Read card'}
        </button>
        {!flowActive ? (
          <button type="button" disabled={!running || !status?.readers.length} onClick={() => void startFlow()}>
            Reinsert card (guided)
          </button>
        ) : (
          <button type="button" onClick={() => void api.call('cac.reinsert-cancel', {}).catch(() => undefined)}>
            Cancel reinsert
          </button>
        )}
        {(status?.failure || service?.fixes.includes('cac.restart-service')) && (
          <button type="button" onClick={() => openFix('cac.restart-service')}>
            Restart the smart-card service…
          </button>
        )}
        <button type="button" onClick={() => void chooseBundle()}>
          Import DoD roots from a file…
        </button>
        <button type="button" onClick={() => void openGuidance()}>
          DoD certificate installation guidance
        </button>
      </div>
      {askPath && (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (bundlePath.trim()) openFix('cac.import-dod-roots', { bundle: bundlePath.trim() });
          }}
        >
          <label htmlFor="cac-bundle-path">DoD root bundle file (.p7b or .pem)</label>
          <input id="cac-bundle-path" value={bundlePath} onChange={(e) => setBundlePath(e.target.value)} size={50} />
          <button type="submit">Preview import…</button>
        </form>
      )}
      <ErrorAlert error={error} />

      {flow && (
        <section className="banner" aria-labelledby="cac-flow-title" data-testid="cac-flow" data-step={flow.step}>
          <h4 id="cac-flow-title">{FLOW_TITLE[flow.step]}</h4>
          <p role="status" aria-live="assertive" data-testid="cac-flow-message">
            {flow.message}
          </p>
        </section>
      )}

      <h4>Live reader events</h4>
      <ol aria-live="polite" aria-label="Live reader events, newest first" data-testid="cac-events" className="notes">
        {events.length === 0 && <li>Waiting for the reader… insert or remove your card to see it here.</li>}
        {events.map((e, i) => (
          <li key={`${e.at}-${i}`} data-event={e.type}>
            {new Date(e.at).toLocaleTimeString()} — {EVENT_TEXT[e.type]}
            {e.reader ? `: ${e.reader}` : ''}
            {e.failure ? ` (${e.failure.advice[0] ?? e.failure.name})` : ''}
          </li>
        ))}
      </ol>

      {read && <CardReadView outcome={read} onFix={openFindingFix} fixTitles={fixTitles} />}
      {fix && <FixDialog fixId={fix.fixId} {...(fix.options ? { options: fix.options } : {})} onClose={() => setFix(undefined)} onDone={() => refresh()} />}
    </div>
  );
};

/** On the Checks screen, under the cac findings. */
export const CacCard: FC<DomainCardProps> = ({ findings, onFix }) => <CacPanel findings={findings} onFix={onFix} />;

/** The CAC screen in the navigation. */
export const CacScreen: FC = () => (
  <>
    <h2>CAC smart card</h2>
    <p className="lead">Is the reader seen, is the card in, are its certificates readable, valid and trusted? Events appear as they happen.</p>
    <CacPanel />
  </>
);
