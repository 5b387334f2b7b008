// What a Suspense boundary shows while a screen's or a card's chunk loads (a same-origin script,
// so this is brief): a quiet line, not a status region, so it never competes with a screen's own.
export function Loading() {
  return <p className="notes">Loading…</p>;
}
