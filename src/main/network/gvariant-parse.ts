// Reads and writes the GVariant text `gsettings get` prints for strings and string arrays:
// 'manual', ['localhost', '127.0.0.0/8'], @as [] — with \' and \\ escapes.
export function parseGVariantString(text: string): string | undefined {
  const t = text.trim();
  const m = /^'((?:[^'\\]|\\.)*)'$/.exec(t) ?? /^"((?:[^"\\]|\\.)*)"$/.exec(t);
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

export function parseGVariantStringArray(text: string): string[] | undefined {
  const t = text.trim().replace(/^@as\s+/, '');
  if (!t.startsWith('[') || !t.endsWith(']')) return undefined;
  const inner = t.slice(1, -1).trim();
  if (!inner) return [];
  const out: string[] = [];
  const re = /\s*('((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*(,|$)/y;
  let pos = 0;
  while (pos < inner.length) {
    re.lastIndex = pos;
    const m = re.exec(inner);
    if (!m) return undefined;
    out.push((m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'));
    pos = re.lastIndex;
  }
  return out;
}

export function gvariantString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function gvariantStringArray(values: readonly string[]): string {
  return values.length ? `[${values.map(gvariantString).join(', ')}]` : '@as []';
}
