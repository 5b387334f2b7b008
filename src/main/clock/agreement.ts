// Which servers agree. A lying or broken server must not move the verdict: we take the largest
// group of answers within a tolerance of one another (ties: the group with the lowest delay) and
// report the median offset of that group.

export interface TimedAnswer {
  server: string;
  offsetMs: number;
  delayMs: number;
}

export interface Agreement {
  agreeing: string[];
  disagreeing: string[];
  offsetMs: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function agree(answers: readonly TimedAnswer[], toleranceMs: number): Agreement | undefined {
  if (!answers.length) return undefined;
  let best: TimedAnswer[] = [];
  let bestDelay = Infinity;
  for (const center of answers) {
    const group = answers.filter((a) => Math.abs(a.offsetMs - center.offsetMs) <= toleranceMs);
    const delay = Math.min(...group.map((a) => a.delayMs));
    if (group.length > best.length || (group.length === best.length && delay < bestDelay)) {
      best = group;
      bestDelay = delay;
    }
  }
  const agreeing = new Set(best.map((a) => a.server));
  return {
    agreeing: [...agreeing],
    disagreeing: answers.filter((a) => !agreeing.has(a.server)).map((a) => a.server),
    offsetMs: Math.round(median(best.map((a) => a.offsetMs))),
  };
}
