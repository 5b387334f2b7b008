// DoD root CAs, recognised by SHA-1 thumbprint (names can be forged; thumbprints cannot).
export interface DodRoot {
  name: string;
  sha1: string;
  /** YYYY-MM-DD */
  notAfter: string;
}

export const DOD_ROOTS: readonly DodRoot[] = [
  { name: 'DoD Root CA 3', sha1: 'D73CA91102A2204A36459ED32213B467D7CE97FB', notAfter: '2029-12-30' },
  { name: 'DoD Root CA 4', sha1: 'B8269F25DBD937ECAFD4C35A9838571723F2D026', notAfter: '2032-07-25' },
  { name: 'DoD Root CA 5', sha1: '4ECB5CC3095670454DA1CBD410FC921F46B8564B', notAfter: '2041-06-14' },
  { name: 'DoD Root CA 6', sha1: 'D37ECF61C0B4ED88681EF3630C4E2FC787B37AEF', notAfter: '2053-01-24' },
];

export const DOD_ROOT_CA_3 = DOD_ROOTS[0]!;

export function normalizeThumbprint(raw: string): string {
  return raw.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}

export function findDodRoot(sha1: string, roots: readonly DodRoot[] = DOD_ROOTS): DodRoot | undefined {
  const t = normalizeThumbprint(sha1);
  return roots.find((r) => r.sha1 === t);
}
