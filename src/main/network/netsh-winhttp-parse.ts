// Parses `netsh winhttp show proxy`. Its labels are localized ("Proxy Server(s) :",
// "Proxyserver:", "Serveur(s) proxy :"), so the layout is what counts: a header line ending in a
// colon, then either one sentence (direct access) or "label : value" lines, proxy server first and
// the bypass list second.
export interface WinHttpProxy {
  direct: boolean;
  proxyServer?: string;
  bypass?: string;
}

const PAIR_RE = /^\s+(.+?)\s*:\s+(\S.*?)\s*$/;
// An empty bypass list is a localized "(none)" in parentheses: "(keine)", "(aucun)", "(ninguno)",
// "(nessuno)", "(geen)", "(なし)". A real list is never one parenthesized word: it has hosts,
// wildcards or <local>, so any short parenthesized text without those is the empty list.
const NONE_IN_PARENS = /^\([^().;:*<>/\\]{1,24}\)$/u;

export function parseNetshWinHttp(text: string): WinHttpProxy | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).map((l) => l.replace(/\t/g, '    '));
  const header = lines.findIndex((l) => /\S/.test(l) && /:\s*$/.test(l) && !/^\s/.test(l));
  if (header < 0) return undefined;
  const body = lines.slice(header + 1).filter((l) => /\S/.test(l));
  if (!body.length) return undefined;
  const pairs = body.map((l) => PAIR_RE.exec(l)).filter((m): m is RegExpExecArray => m !== null);
  if (!pairs.length) return { direct: true };
  const byLabel = (re: RegExp) => pairs.find((m) => re.test(m[1]!))?.[2];
  const proxyServer = byLabel(/proxy\s*server|proxyserver|serveur|servidor|server/i) ?? pairs[0]![2]!;
  const bypass = byLabel(/bypass|umgehung|contournement|omisi|exclus|lista/i) ?? pairs[1]?.[2];
  return { direct: false, proxyServer, ...(bypass && !NONE_IN_PARENS.test(bypass) ? { bypass } : {}) };
}
