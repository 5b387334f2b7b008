import { describe, expect, it } from 'vitest';
import { codeFromMessage, describeFailure, failureFromError } from '../../../../src/main/cac/pcsc-errors';
import { PCSC } from '../../../../src/main/cac/pcsc-port';

describe('PC/SC error advice', () => {
  it('maps the binding\'s messages back to standard codes', () => {
    expect(codeFromMessage('PC/SC service not running')).toBe(PCSC.NO_SERVICE);
    expect(codeFromMessage('Card was removed')).toBe(PCSC.REMOVED);
    expect(codeFromMessage('Sharing violation')).toBe(PCSC.SHARING_VIOLATION);
    expect(codeFromMessage('No readers available')).toBe(PCSC.NO_READERS);
    expect(codeFromMessage('Card is unresponsive')).toBe(PCSC.UNRESPONSIVE);
    expect(codeFromMessage('something new')).toBe(PCSC.UNKNOWN);
  });

  it('every code in the reference table gets a name and advice', () => {
    for (const code of [PCSC.NO_SERVICE, PCSC.SERVICE_STOPPED, PCSC.NO_READERS, PCSC.UNRESPONSIVE, PCSC.REMOVED, PCSC.RESET, PCSC.SHARING_VIOLATION, PCSC.SECURITY_VIOLATION]) {
      const f = describeFailure(code);
      expect(f.name, code).toMatch(/^SCARD_/);
      expect(f.advice.length, code).toBeGreaterThan(0);
    }
    expect(describeFailure(PCSC.NO_SERVICE).advice.join(' ')).toMatch(/pcscd/);
    expect(describeFailure(PCSC.SECURITY_VIOLATION).advice.join(' ')).toMatch(/polkit/);
  });

  it('a removed or reset card becomes "card removed, insert again"', () => {
    const f = failureFromError(new Error('Card was reset'));
    expect(f.code).toBe('card-removed');
    expect(f.advice.join(' ')).toMatch(/Insert it again/);
  });
});
