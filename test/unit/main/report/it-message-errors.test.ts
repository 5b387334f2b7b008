// The report's message for IT on a paste with several errors: the newest leads with its IDs, each
// older error follows on its own line with its own IDs; a support tag is passed on.
import { describe, expect, it } from 'vitest';
import { explainText } from '../../../../src/main/common/explain/explain-text';
import { buildItMessage } from '../../../../src/main/report/it-message';

const OLD = '1e1e1e1e-0000-4000-8000-000000000001';
const NEW = '2f2f2f2f-0000-4000-8000-000000000002';
const paste = `AADSTS50076: MFA required.\nCorrelation ID: ${OLD}\nTimestamp: 2026-11-30 09:00:00Z\nError Code: 80043490 Tag: 7q6ca\nCorrelation ID: ${NEW}\nTimestamp: 2026-11-30 10:00:00Z`;

describe('report message for IT, several errors', () => {
  it('newest first with its IDs, the older one on its own line with its own IDs, the support tag kept', () => {
    const { message } = buildItMessage({ now: new Date('2026-11-30T11:00:00Z'), explanation: explainText(paste), findings: [], history: [] });
    expect(message).toContain(`Correlation ID: ${NEW}`);
    expect(message).toContain('Support tag (for Microsoft support): 7q6ca');
    const earlier = message.split('\n').find((l) => l.startsWith('Earlier error in the same text:'));
    expect(earlier).toBe(`Earlier error in the same text: AADSTS50076 (Correlation ID ${OLD}, at 2026-11-30T09:00:00.000Z)`);
    expect(message.indexOf(`Correlation ID: ${NEW}`)).toBeLessThan(message.indexOf(earlier!));
  });
});
