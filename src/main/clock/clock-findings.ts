// Turns a measurement and the time settings into findings. Thresholds: token validation and
// Kerberos tolerate about 5 minutes of skew, so under 1 minute is fine, 1-5 minutes is a warning
// (close to the edge, and a sign the clock is not synchronised), beyond 5 minutes sign-in breaks.
import { clockFinding, describeOffset, type ClockMeasurement, type TimeSettings } from '../../shared/contract/clock';
import type { Finding, Severity } from '../../shared/model';

export const WARN_SKEW_MS = 60_000;
export const FAIL_SKEW_MS = 5 * 60_000;

export function skewSeverity(offsetMs: number): Severity {
  const abs = Math.abs(offsetMs);
  return abs > FAIL_SKEW_MS ? 'fail' : abs >= WARN_SKEW_MS ? 'warn' : 'ok';
}

const METHOD_WORDS = { sntp: 'NTP time servers', 'https-date': 'the Date header of the sign-in endpoint (UDP 123 seems blocked)', none: 'nothing' } as const;

export function skewFinding(m: ClockMeasurement, settings?: TimeSettings): Finding {
  const evidence = {
    method: m.method,
    servers: m.servers,
    agreeingServers: m.agreeing,
    disagreeingServers: m.disagreeing,
    measuredAt: m.measuredAt,
    ...(m.offsetMs !== undefined ? { offsetMs: m.offsetMs } : {}),
    ...(m.httpsDate ? { httpsDate: m.httpsDate } : {}),
    ...(settings ? { autoTime: settings.autoTime, ...(settings.timeZone ? { timeZone: settings.timeZone } : {}) } : {}),
  };
  if (m.offsetMs === undefined) {
    const reasons = m.servers.map((s) => `${s.server}: ${s.detail ?? s.status}`).join('; ');
    return clockFinding(
      'clock.skew',
      'info',
      'The clock could not be measured',
      `No time server answered (${reasons || 'none configured'}) and the sign-in endpoint's Date header was not readable (${m.httpsDate?.detail ?? 'not tried'}). Check the clock by hand against a trusted source; skew over 5 minutes breaks sign-in.`,
      evidence,
    );
  }
  const severity = skewSeverity(m.offsetMs);
  const words = describeOffset(m.offsetMs);
  const via = `Measured with ${METHOD_WORDS[m.method]}${m.method === 'sntp' ? ` (${m.agreeing.length} of ${m.servers.length} agree${m.disagreeing.length ? `; ${m.disagreeing.join(', ')} disagree and were ignored` : ''})` : ''}.`;
  const fixes = severity === 'ok' ? [] : [...(settings?.autoTime === 'off' ? ['clock.auto-time-on'] : []), 'clock.resync'];
  const title = severity === 'ok' ? `The clock is correct (${words})` : `Your clock is ${words}`;
  const impact =
    severity === 'fail'
      ? 'Beyond 5 minutes, sign-in tokens look expired or not yet valid and Kerberos refuses tickets. This does not cause AADSTS53003 itself, but it breaks sign-in in its own way.'
      : severity === 'warn'
        ? 'Sign-in still works (about 5 minutes are tolerated), but the clock is drifting: it is not being synchronised.'
        : 'Well within the 5 minutes that tokens and Kerberos tolerate.';
  return clockFinding('clock.skew', severity, title, `${impact} ${via}`, evidence, fixes);
}

export function autoTimeFinding(settings: TimeSettings): Finding {
  const evidence = { autoTime: settings.autoTime, source: settings.source, ...(settings.timeZone ? { timeZone: settings.timeZone } : {}), ...(settings.timeServer ? { timeServer: settings.timeServer } : {}), ...(settings.synchronized !== undefined ? { synchronized: settings.synchronized } : {}) };
  const tz = settings.timeZone ? ` Time zone: ${settings.timeZone}.` : '';
  if (settings.autoTime === 'on') {
    return clockFinding('clock.auto-time', 'ok', 'Automatic time is on', `The clock is set from ${settings.timeServer ?? 'a time server'}.${tz}`, evidence);
  }
  if (settings.autoTime === 'off') {
    return clockFinding('clock.auto-time', 'warn', 'Automatic time is off', `The clock is not set from a time server, so it drifts; turning automatic time on keeps it right.${tz}`, evidence, ['clock.auto-time-on']);
  }
  return clockFinding('clock.auto-time', 'info', 'Whether automatic time is on is unknown', `The time settings could not be read (${settings.source}).${tz}`, evidence);
}
