// When something happened, as a person says it: the time today, "yesterday", else the day.

/** "at 14:02" today, "yesterday at 14:02", else "on 28 Nov at 14:02" (the user's time zone); '' when unknown. */
export function whenOf(iso: string | undefined, now: Date = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const time = d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const day = (x: Date) => `${x.getFullYear()}-${x.getMonth()}-${x.getDate()}`;
  if (day(d) === day(now)) return `at ${time}`;
  if (day(d) === day(new Date(now.getTime() - 86_400_000))) return `yesterday at ${time}`;
  return `on ${d.toLocaleDateString([], { day: 'numeric', month: 'short' })} at ${time}`;
}
