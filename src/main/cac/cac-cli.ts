// CLI commands of the cac domain: `signin-doctor cac [--reader NAME] [--watch] [--json]`.
// Without --watch: service health, readers, and the card read (certificates, chain, findings).
// With --watch: one line per reader/card/service event until Ctrl-C, --count or --seconds; with
// --json each event is one compact JSON object per line (NDJSON), and when the watch ends the
// usual single summary document follows.
import type { CacEvent, CacStatus, CardRead, ReadOutcome } from '../../shared/contract/cac';
import { UsageError, callOrThrow, flag, hasFlag, type CommandRun, type Invocation } from '../common/cli-command';
import { renderFindings } from '../common/cli-render';

function renderStatus(s: CacStatus): string {
  const lines = [`Smart card service: ${s.service}${s.failure ? ` (${s.failure.name})` : ''}   [binding: ${s.binding}]`];
  if (s.failure) lines.push(`  ${s.failure.message}`, ...s.failure.advice.map((a) => `  - ${a}`));
  if (s.service === 'running') lines.push(s.readers.length ? 'Readers:' : 'Readers: none attached');
  for (const r of s.readers) lines.push(`  ${r.name}: ${r.cardPresent ? `card inserted${r.atr ? ` (ATR ${r.atr})` : ''}` : 'no card'}`);
  return `${lines.join('\n')}\n`;
}

export function renderCard(c: CardRead): string {
  const kind = c.kind === 'piv' ? 'PIV' : c.kind === 'legacy-cac' ? 'legacy CAC-only card' : 'not a PIV/CAC card';
  const lines = [`Card in ${c.reader}: ${kind}, ${c.apduCount} APDUs, ${c.elapsedMs} ms`];
  if (c.chuid?.expiry) lines.push(`  Card (CHUID) expires ${c.chuid.expiry}${c.chuid.expired ? ' - EXPIRED' : ''}`);
  for (const s of c.slots) {
    const cert = s.certificate;
    if (!cert) {
      lines.push(`  ${s.slotName} (${s.slot}): ${s.status}${s.error ? ` - ${s.error}` : ''}`);
      continue;
    }
    const days = cert.daysLeft < 0 ? `expired ${-cert.daysLeft} days ago` : `expires in ${cert.daysLeft} days`;
    lines.push(
      `  ${s.slotName} (${s.slot}): ${cert.commonName ?? cert.subject}`,
      `      EDIPI ${cert.edipi ?? '-'}; ${days} (${cert.notAfter.slice(0, 10)}); ${cert.keyType}${cert.compressed ? '; stored compressed' : ''}`,
      `      issuer ${cert.issuer}; serial ${cert.serial}`,
      `      SHA-1 ${cert.sha1}`,
      `      chain: ${cert.chain.trusted ? 'trusted by this computer' : 'NOT trusted'}${cert.chain.dodRoot ? `, ends at ${cert.chain.dodRoot}` : ', no DoD root'}${cert.chain.problem ? ` (${cert.chain.problem})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n\n${renderFindings(c.findings)}`;
}

function renderOutcome(r: ReadOutcome): string {
  if (r.ok) return renderCard(r.card);
  return `Card read failed: ${r.failure.name}\n  ${r.failure.message}\n${r.failure.advice.map((a) => `  - ${a}`).join('\n')}\n`;
}

function renderEvent(e: CacEvent): string {
  const what: Record<CacEvent['type'], string> = {
    'reader-attached': 'reader attached',
    'reader-detached': 'reader detached',
    'card-inserted': 'card inserted',
    'card-removed': 'card removed',
    'service-lost': 'smart card service LOST',
    'service-back': 'smart card service back',
  };
  return `${e.at}  ${what[e.type]}${e.reader ? `: ${e.reader}` : ''}${e.atr ? ` (ATR ${e.atr})` : ''}${e.failure ? ` - ${e.failure.name}: ${e.failure.advice[0] ?? ''}` : ''}\n`;
}

function positiveInt(inv: Invocation, name: string): number | undefined {
  const raw = flag(inv, name);
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > 86_400) throw new UsageError(`--${name} needs a whole number from 1 to 86400`);
  return n;
}

async function watch(inv: Invocation): Promise<{ exitCode: 0; json: unknown; human: string }> {
  const count = positiveInt(inv, 'count');
  const seconds = positiveInt(inv, 'seconds');
  const line = (text: string, obj: unknown) => inv.io.out(inv.json ? `${JSON.stringify(obj)}\n` : text);
  let seen = 0;
  let finish!: (why: string) => void;
  const ended = new Promise<string>((r) => (finish = r));
  const unsubscribe = inv.subscribe((name, payload) => {
    if (name !== 'cac-event') return;
    const e = payload as CacEvent;
    line(renderEvent(e), e);
    if (count && ++seen >= count) finish('count');
  });
  const onSignal = () => finish('signal');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  // Keeps the process alive while waiting (the monitor itself may be between retries).
  const keepAlive = setInterval(() => undefined, 60_000);
  const timer = seconds ? setTimeout(() => finish('seconds'), seconds * 1000) : undefined;
  try {
    const status = await callOrThrow(inv, 'cac.status', {});
    line(renderStatus(status), { type: 'status', at: new Date().toISOString(), ...status });
    if (!inv.json) inv.io.err('Watching readers and cards; Ctrl-C to stop.\n');
    const why = await ended;
    return { exitCode: 0, json: { type: 'watch-end', reason: why, events: seen }, human: '' };
  } finally {
    unsubscribe();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    clearInterval(keepAlive);
    if (timer) clearTimeout(timer);
    await callOrThrow(inv, 'cac.watch-stop', {});
  }
}

export const runCac: CommandRun = async (inv) => {
  if (inv.args.length) throw new UsageError(`unexpected argument ${inv.args[0]}`);
  if (hasFlag(inv, 'watch')) return watch(inv);
  if (hasFlag(inv, 'count') || hasFlag(inv, 'seconds')) throw new UsageError('--count and --seconds go with --watch');
  const reader = flag(inv, 'reader');
  try {
    const status = await callOrThrow(inv, 'cac.status', {});
    const wanted = reader ? status.readers.find((r) => r.name === reader) : status.readers.find((r) => r.cardPresent);
    if (reader && !wanted) throw new UsageError(`no reader named "${reader}" (attached: ${status.readers.map((r) => r.name).join(', ') || 'none'})`);
    const read = wanted?.cardPresent ? await callOrThrow(inv, 'cac.read-card', { reader: wanted.name }) : undefined;
    const human = renderStatus(status) + (read ? `\n${renderOutcome(read)}` : status.service === 'running' && status.readers.length ? '\nNo card inserted.\n' : '');
    return { exitCode: 0, json: { status, ...(read ? { read } : {}) }, human };
  } finally {
    await callOrThrow(inv, 'cac.watch-stop', {});
  }
};

