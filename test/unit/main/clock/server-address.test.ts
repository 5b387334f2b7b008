import { describe, expect, it } from 'vitest';
import { parseServerAddress } from '../../../../src/main/clock/server-address';

describe('parseServerAddress', () => {
  it('host, host:port, IPv4, IPv6 and [v6]:port', () => {
    expect(parseServerAddress('time.windows.com')).toEqual({ label: 'time.windows.com', host: 'time.windows.com', port: 123 });
    expect(parseServerAddress('127.0.0.1:12345')).toMatchObject({ host: '127.0.0.1', port: 12345 });
    expect(parseServerAddress('::1')).toMatchObject({ host: '::1', port: 123 });
    expect(parseServerAddress('[::1]:4123')).toMatchObject({ host: '::1', port: 4123 });
  });

  it('refuses anything else with a reason', () => {
    for (const bad of ['', ' ', '-oProxy', 'a b', 'host:0', 'host:70000', 'host:12x', 'a;rm -rf', '1.2.3', '[nothost]:1', '::1:99999:x:zz', "x'y"]) {
      expect(parseServerAddress(bad), bad).toHaveProperty('error');
    }
  });
});
