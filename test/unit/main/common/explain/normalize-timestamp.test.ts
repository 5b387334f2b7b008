import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from '../../../../../src/main/common/explain/normalize-timestamp';

describe('normalizeTimestamp', () => {
  it.each([
    ['2025-01-09 02:02:12Z', '2025-01-09T02:02:12.000Z'],
    ['2025-01-09T02:02:12.1234567Z', '2025-01-09T02:02:12.123Z'],
    ['2025-01-09 02:02:12', '2025-01-09T02:02:12.000Z'],
    ['2025-01-09 02:02:12 UTC', '2025-01-09T02:02:12.000Z'],
    ['2025-01-09T04:02:12+02:00', '2025-01-09T02:02:12.000Z'],
    ['1/9/2025 2:02:12 PM', '2025-01-09T14:02:12.000Z'],
    ['12/31/2024 12:00:00 AM', '2024-12-31T00:00:00.000Z'],
  ])('%s -> %s', (raw, iso) => expect(normalizeTimestamp(raw)).toBe(iso));

  it.each(['2025-02-31 10:00:00Z', '2025-13-01 10:00:00Z', 'yesterday', '10:00', '13/45/2025 1:00 PM'])('rejects %s', (raw) =>
    expect(normalizeTimestamp(raw)).toBeUndefined(),
  );
});
