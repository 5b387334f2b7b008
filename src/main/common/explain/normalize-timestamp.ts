// Sign-in timestamps are UTC. Turn the usual spellings into ISO 8601 with Z; undefined when unsure.
const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]|[ \t]{1,3})(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?[ \t]{0,2}(Z|UTC|GMT|[+-]\d{2}:?\d{2})?(?![\d:])/i;
const US_LIKE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}),?[ \t]{1,3}(\d{1,2}):(\d{2})(?::(\d{2}))?[ \t]{0,2}(AM|PM)?[ \t]{0,2}(Z|UTC|GMT)?(?![\d:])/i;

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offsetMin: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const check = new Date(t);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined; // 31 February
  return new Date(t - offsetMin * 60_000).toISOString();
}

function offsetMinutes(zone: string | undefined): number {
  if (!zone || /^(?:Z|UTC|GMT)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (!m) return 0;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

export function normalizeTimestamp(raw: string): string | undefined {
  const s = raw.trim();
  let m = ISO_LIKE.exec(s);
  if (m) {
    const ms = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
    return build(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), ms, offsetMinutes(m[8]));
  }
  m = US_LIKE.exec(s);
  if (m) {
    let h = Number(m[4]);
    const ampm = m[7]?.toUpperCase();
    if (ampm && (h < 1 || h > 12)) return undefined;
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    return build(Number(m[3]), Number(m[1]), Number(m[2]), h, Number(m[5]), Number(m[6] ?? 0), 0, 0);
  }
  return undefined;
}
