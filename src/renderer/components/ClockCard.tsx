// The Clock card on the Checks screen: the verdict in words, the per-server table, the method,
// time zone and automatic time, "Measure again" (clock.measure) and the fix buttons (FixDialog).
import { useState, type FC } from 'react';
import { describeOffset, type ClockMeasurement, type ClockStatus, type ServerResultView } from '../../shared/contract/clock';
import { firstWith } from '../../shared/contract/findings';
import { isFixId } from '../../shared/contract/fixes';
import type { Finding } from '../../shared/model';
import { api, errorText } from '../api';
import type { DomainCardProps } from '../domains/types';
import { ErrorAlert } from './ErrorAlert';

const METHOD = { sntp: 'NTP time servers', 'https-date': 'the Date header of the sign-in endpoint (no NTP server answered)', none: 'nothing could be measured' } as const;
const FIX_LABEL: Record<string, string> = { 'clock.auto-time-on': 'Turn automatic time on', 'clock.resync': 'Set the clock now' };

function fromFindings(findings: Finding[]): { measurement?: ClockMeasurement; autoTime?: string; timeZone?: string } {
  const skew = firstWith(findings, 'clock.skew')?.evidence;
  const auto = firstWith(findings, 'clock.auto-time')?.evidence;
  const measurement: ClockMeasurement | undefined = skew && {
    method: skew.method,
    ...(skew.offsetMs !== undefined ? { offsetMs: skew.offsetMs } : {}),
    servers: skew.servers,
    agreeing: skew.agreeingServers,
    disagreeing: skew.disagreeingServers,
    ...(skew.httpsDate ? { httpsDate: skew.httpsDate } : {}),
    measuredAt: skew.measuredAt,
    durationMs: 0,
  };
  return { ...(measurement ? { measurement } : {}), autoTime: auto?.autoTime ?? skew?.autoTime, timeZone: auto?.timeZone ?? skew?.timeZone };
}

function resultText(s: ServerResultView, agreeing: readonly string[]): string {
  if (s.status === 'ok') return `${s.offsetMs! >= 0 ? '+' : ''}${Math.round(s.offsetMs!)} ms${agreeing.includes(s.server) ? '' : ' (disagrees, ignored)'}`;
  if (s.reason === 'kiss-o-death') return `refused (kiss-o'-death ${s.kissCode ?? ''})`;
  return s.detail ?? s.status;
}

export const ClockCard: FC<DomainCardProps> = ({ findings, onFix }) => {
  const [fresh, setFresh] = useState<ClockStatus>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const shownFindings = fresh?.findings ?? findings;
  const base = fromFindings(shownFindings);
  const m = fresh?.measurement ?? base.measurement;
  const autoTime = fresh?.settings.autoTime ?? base.autoTime ?? 'unknown';
  const timeZone = fresh?.settings.timeZone ?? base.timeZone ?? 'unknown';
  const fixes = [...new Set(shownFindings.flatMap((f) => f.fixes))].filter(isFixId);
  if (!findings.length && !fresh) return null;

  async function measure() {
    setBusy(true);
    setError('');
    try {
      setFresh(await api.call('clock.measure', {}));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="clock-card" aria-busy={busy}>
      <h3>How far this computer's clock is from true time</h3>
      <p className="verdict" data-testid="clock-verdict" role="status">
        {m?.offsetMs === undefined ? 'The clock could not be measured.' : `Your clock is ${describeOffset(m.offsetMs)} (${m.offsetMs >= 0 ? '+' : ''}${m.offsetMs} ms).`}
      </p>
      <dl className="fields">
        <div>
          <dt>Measured with</dt>
          <dd>{METHOD[m?.method ?? 'none']}</dd>
        </div>
        <div>
          <dt>Automatic time</dt>
          <dd>{autoTime}</dd>
        </div>
        <div>
          <dt>Time zone</dt>
          <dd>{timeZone}</dd>
        </div>
      </dl>
      {m && m.servers.length > 0 && (
        <table className="history" aria-label="Time servers asked">
          <thead>
            <tr>
              <th scope="col">Server</th>
              <th scope="col">Address</th>
              <th scope="col">Offset or problem</th>
              <th scope="col">Delay</th>
              <th scope="col">Stratum</th>
            </tr>
          </thead>
          <tbody>
            {m.servers.map((s) => (
              <tr key={s.server}>
                <td>{s.server}</td>
                <td>{s.address ?? '–'}</td>
                <td>{resultText(s, m.agreeing)}</td>
                <td>{s.delayMs !== undefined ? `${Math.round(s.delayMs)} ms` : '–'}</td>
                <td>{s.stratum ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="actions">
        <button type="button" onClick={measure} disabled={busy}>
          {busy ? 'Measuring…' : 'Measure again'}
        </button>
        {fixes.map((id) => (
          <button key={id} type="button" className="primary" onClick={() => onFix(id)}>
            {FIX_LABEL[id] ?? id}
          </button>
        ))}
      </div>
      <ErrorAlert error={error} />
    </div>
  );
};
