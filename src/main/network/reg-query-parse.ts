// Parses `reg query <key>` output: a key line, then "    Name    REG_TYPE    data" lines (four
// spaces apart; names and data may hold single spaces). Value names and type names are never
// localized, so this works on any Windows language.
export interface RegValue {
  name: string;
  type: string;
  /** As printed: "0x1" for DWORDs, the text for strings, hex digits for binaries. */
  data: string;
}

export interface RegKeyDump {
  key: string;
  values: Map<string, RegValue>;
}

const VALUE_RE = /^ {2,}(.+?) {2,}(REG_[A-Z_]+)(?: {2,}(.*?))?\s*$/;

/** Values of the first key in the output (sub-keys listed after it are ignored). */
export function parseRegQuery(text: string): RegKeyDump | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let key: string | undefined;
  const values = new Map<string, RegValue>();
  for (const line of lines) {
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line.trim()) && !/^\s{2,}/.test(line)) {
      if (key !== undefined) break;
      key = line.trim();
      continue;
    }
    if (key === undefined) continue;
    const m = VALUE_RE.exec(line.replace(/\t/g, '    '));
    if (!m) continue;
    const name = m[1]!.trim();
    values.set(name.toLowerCase(), { name: name === '(Default)' ? '' : name, type: m[2]!, data: m[3] ?? '' });
  }
  return key === undefined ? undefined : { key, values };
}

export function regDword(dump: RegKeyDump | undefined, name: string): number | undefined {
  const v = dump?.values.get(name.toLowerCase());
  if (!v || v.type !== 'REG_DWORD') return undefined;
  const n = /^0x[0-9a-f]+$/i.test(v.data) ? Number.parseInt(v.data.slice(2), 16) : Number.NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function regString(dump: RegKeyDump | undefined, name: string): string | undefined {
  const v = dump?.values.get(name.toLowerCase());
  if (!v || (v.type !== 'REG_SZ' && v.type !== 'REG_EXPAND_SZ')) return undefined;
  return v.data;
}

/**
 * The flags byte of WinINET's DefaultConnectionSettings blob (offset 8): 0x02 manual proxy,
 * 0x04 PAC URL, 0x08 automatically detect settings (WPAD).
 */
export function connectionFlags(dump: RegKeyDump | undefined): number | undefined {
  const v = dump?.values.get('defaultconnectionsettings');
  if (!v || v.type !== 'REG_BINARY' || !/^[0-9a-f]{18,}$/i.test(v.data)) return undefined;
  return Number.parseInt(v.data.slice(16, 18), 16);
}
