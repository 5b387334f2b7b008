// Parses `scutil --proxy`: a nested "<dictionary> { key : value }" / "<array> { 0 : value }" dump.
export type ScutilValue = string | ScutilValue[] | { [key: string]: ScutilValue };

const OPEN_RE = /^\s*(\S+)\s*:\s*<(dictionary|array)>\s*\{\s*$/;
const PAIR_RE = /^\s*(\S+)\s*:\s*(.*?)\s*$/;

export function parseScutil(text: string): Record<string, ScutilValue> | undefined {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => /<dictionary>\s*\{\s*$/.test(l));
  if (first < 0) return undefined;
  const root: Record<string, ScutilValue> = {};
  const stack: Array<Record<string, ScutilValue> | ScutilValue[]> = [root];
  for (const line of lines.slice(first + 1)) {
    if (!line.trim()) continue;
    const top = stack[stack.length - 1];
    if (!top) break;
    if (/^\s*\}\s*$/.test(line)) {
      stack.pop();
      if (!stack.length) return root;
      continue;
    }
    const open = OPEN_RE.exec(line);
    const pair = open ? undefined : PAIR_RE.exec(line);
    const key = open?.[1] ?? pair?.[1];
    if (key === undefined) continue;
    const value: ScutilValue = open ? (open[2] === 'array' ? [] : {}) : pair![2]!;
    if (Array.isArray(top)) top.push(value);
    else top[key] = value;
    if (open) stack.push(value as Record<string, ScutilValue> | ScutilValue[]);
  }
  return undefined; // the root's closing brace returns above: this dump is cut off
}

export function scutilString(d: Record<string, ScutilValue> | undefined, key: string): string | undefined {
  const v = d?.[key];
  return typeof v === 'string' ? v : undefined;
}

export function scutilList(d: Record<string, ScutilValue> | undefined, key: string): string[] {
  const v = d?.[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
