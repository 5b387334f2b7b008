import { describe, expect, it } from 'vitest';
import { DEFAULT_DATE_URL, DEFAULT_SERVERS, clockSettings } from '../../../../src/main/clock/clock-config';

describe('clock config section', () => {
  it('takes host, host:port and IP literals', () => {
    const s = clockSettings({ config: { clock: { servers: ['time.windows.com', '127.0.0.1:1230', '[::1]:123'], dateUrl: 'http://127.0.0.1:8080/' } } });
    expect(s.servers).toEqual(['time.windows.com', '127.0.0.1:1230', '[::1]:123']);
    expect(s.dateUrl).toBe('http://127.0.0.1:8080/');
  });

  it('ignores a section with anything that is not a server address (it could reach an elevated sntp)', () => {
    for (const bad of ['-oProxyCommand=x', 'evil host', "time.apple.com'; id", 'a:b:c', '']) {
      expect(clockSettings({ config: { clock: { servers: [bad] } } }).servers).toEqual(DEFAULT_SERVERS);
    }
    expect(clockSettings({ config: { clock: { dateUrl: 'file:///etc/passwd' } } }).dateUrl).toBe(DEFAULT_DATE_URL);
  });
});
