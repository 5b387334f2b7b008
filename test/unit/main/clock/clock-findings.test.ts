import { describe, expect, it } from 'vitest';
import { autoTimeFinding, skewFinding, skewSeverity } from '../../../../src/main/clock/clock-findings';
import { describeOffset, type ClockMeasurement } from '../../../../src/shared/contract/clock';

const m = (offsetMs: number | undefined, method: ClockMeasurement['method'] = 'sntp'): ClockMeasurement => ({
  method,
  ...(offsetMs !== undefined ? { offsetMs } : {}),
  servers: [{ server: 'a', host: 'a', port: 123, status: 'ok', offsetMs: offsetMs ?? 0, delayMs: 5, samples: 2 }],
  agreeing: ['a'],
  disagreeing: [],
  measuredAt: '2026-11-23T08:00:00.000Z',
  durationMs: 10,
});

describe('skew thresholds', () => {
  it('ok < 1 min, warn 1-5 min, fail > 5 min, both directions', () => {
    expect(skewSeverity(59_999)).toBe('ok');
    expect(skewSeverity(-60_000)).toBe('warn');
    expect(skewSeverity(300_000)).toBe('warn');
    expect(skewSeverity(-300_001)).toBe('fail');
  });

  it('the finding carries offsetMs, method and servers, and offers the fixes', () => {
    const f = skewFinding(m(-360_000), { autoTime: 'off', source: 'x', timeZone: 'Europe/Berlin' });
    expect(f).toMatchObject({ id: 'clock.skew', severity: 'fail', title: 'Your clock is 6 minutes fast', fixes: ['clock.auto-time-on', 'clock.resync'] });
    expect(f.evidence).toMatchObject({ offsetMs: -360_000, method: 'sntp', agreeingServers: ['a'], timeZone: 'Europe/Berlin', autoTime: 'off' });
    expect(skewFinding(m(200)).fixes).toEqual([]);
  });

  it('nothing measured: info, no offsetMs', () => {
    const f = skewFinding({ ...m(undefined, 'none'), agreeing: [] });
    expect(f.severity).toBe('info');
    expect(f.evidence).not.toHaveProperty('offsetMs');
  });

  it('auto time finding offers the fix only when off', () => {
    expect(autoTimeFinding({ autoTime: 'off', source: 's' }).fixes).toEqual(['clock.auto-time-on']);
    expect(autoTimeFinding({ autoTime: 'on', source: 's' }).severity).toBe('ok');
    expect(autoTimeFinding({ autoTime: 'unknown', source: 's' }).severity).toBe('info');
  });

  it('offset in words', () => {
    expect(describeOffset(-360_000)).toBe('6 minutes fast');
    expect(describeOffset(90_000)).toBe('1.5 minutes slow');
    expect(describeOffset(2 * 3_600_000)).toBe('2 hours slow');
    expect(describeOffset(400)).toBe('within 1 second of true time');
  });
});
