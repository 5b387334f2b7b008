// `--html FILE`: the fleet picture as one page that opens offline in any browser. No scripts, no
// external resources, no style attributes: one inline style sheet allowed by its hash in a strict
// Content-Security-Policy. A bar chart per domain (inline SVG, with the same numbers in words for
// screen readers). Every text is escaped: it came from other machines' files.
import { createHash } from 'node:crypto';
import type { FleetSummary } from '../../shared/contract/fleet';

export const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CSS = `
:root{color-scheme:light}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0;padding:24px 32px;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:16px;margin:18px 0 4px}
.meta,.note{color:#57606a;font-size:13px}
.headline{font-size:17px;padding:12px 16px;border-radius:6px;margin:16px 0;background:#f6f8fa;border:1px solid #d0d7de}
.headline.fail{background:#ffebe9;border-color:#ff8182}.headline.ok{background:#dafbe1;border-color:#4ac26b}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eaeef2}th{background:#f6f8fa}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
.sev{display:inline-block;min-width:64px;text-align:center;font-weight:600;font-size:12px;border-radius:10px;padding:1px 8px}
.sev.ok{background:#dafbe1;color:#116329}.sev.info{background:#ddf4ff;color:#0550ae}.sev.warn{background:#fff8c5;color:#7d4e00}.sev.fail{background:#ffebe9;color:#a40e26}
.id{font:13px ui-monospace,Consolas,monospace;overflow-wrap:break-word}
svg.chart{width:100%;max-width:720px;height:auto;display:block;margin:4px 0 12px}
svg .fail{fill:#cf222e}svg .warn{fill:#d4a72c}svg .track{fill:#eaeef2}svg text{fill:#1b1f24;font:13px ui-monospace,Consolas,monospace}svg text.count{font:13px system-ui,sans-serif}
.legend span{display:inline-block;width:12px;height:12px;border-radius:2px;margin:0 4px 0 12px;vertical-align:-1px}.legend .fail{background:#cf222e}.legend .warn{background:#d4a72c}
`;

export const FLEET_CSS_HASH = `sha256-${createHash('sha256').update(CSS).digest('base64')}`;

const SEV_LABEL = { ok: 'OK', info: 'Info', warn: 'Warning', fail: 'Problem' } as const;
const DOMAIN_TITLE: Record<string, string> = { teams: 'Teams', cac: 'Smart card (CAC/PIV)', clock: 'Clock', network: 'Network', device: 'Device', explain: 'Explain', report: 'Report', other: 'Other' };
const n = (v: number) => v.toLocaleString('en-US');

function table(caption: string, head: Array<[string, boolean?]>, rows: string[][]): string {
  const th = head.map(([h, num]) => `<th scope="col"${num ? ' class="n"' : ''}>${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${head[i]?.[1] ? ' class="n"' : ''}>${c}</td>`).join('')}</tr>`).join('\n');
  return `<div class="scroll"><table><caption>${esc(caption)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div>`;
}

const CHART = { width: 720, label: 22, bar: 14, gap: 12, left: 0, barWidth: 560 } as const;

/** One domain's chart: a bar per finding id with failures and warnings, as a share of all machines. */
function domainChart(domain: string, items: FleetSummary['findings'], total: number, index: number): string {
  const rowHeight = CHART.label + CHART.bar + CHART.gap;
  const height = items.length * rowHeight;
  const scale = (v: number) => (total ? (v / total) * CHART.barWidth : 0);
  const bars = items
    .map((f, i) => {
      const y = i * rowHeight;
      const fail = scale(f.bySeverity.fail);
      const warn = scale(f.bySeverity.warn);
      const words = [f.bySeverity.fail ? `${n(f.bySeverity.fail)} failed` : '', f.bySeverity.warn ? `${n(f.bySeverity.warn)} warning` : ''].filter(Boolean).join(', ');
      return [
        `<text x="0" y="${y + 15}">${esc(f.id)}</text>`,
        `<rect class="track" x="0" y="${y + CHART.label}" width="${CHART.barWidth}" height="${CHART.bar}" rx="2"/>`,
        fail ? `<rect class="fail" x="0" y="${y + CHART.label}" width="${fail.toFixed(1)}" height="${CHART.bar}" rx="2" data-count="${f.bySeverity.fail}"/>` : '',
        warn ? `<rect class="warn" x="${fail.toFixed(1)}" y="${y + CHART.label}" width="${warn.toFixed(1)}" height="${CHART.bar}" rx="2" data-count="${f.bySeverity.warn}"/>` : '',
        `<text class="count" x="${CHART.barWidth + 8}" y="${y + CHART.label + 12}">${esc(words)}</text>`,
      ].join('');
    })
    .join('\n');
  const id = `chart-${index}`;
  const desc = items.map((f) => `${f.id}: ${f.bySeverity.fail} failed, ${f.bySeverity.warn} warning`).join('; ');
  return `<h3 id="${id}-h">${esc(DOMAIN_TITLE[domain] ?? domain)}</h3>
<svg class="chart" data-domain="${esc(domain)}" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${CHART.width} ${Math.max(height, 1)}" xmlns="http://www.w3.org/2000/svg"><title id="${id}-t">${esc(DOMAIN_TITLE[domain] ?? domain)}: machines with each problem, of ${n(total)}</title><desc id="${id}-d">${esc(desc)}</desc>
${bars}
</svg>`;
}

export function renderFleetHtml(s: FleetSummary): string {
  const m = s.machines;
  const i = s.inputs;
  const headline = m.total === 0 ? 'No machine files were found in what was given.' : m.withProblems ? `${n(m.withProblems)} of ${n(m.total)} machines have problems: ${n(m.byWorst.fail)} with a failure, ${n(m.byWorst.warn)} with warnings only.` : `None of the ${n(m.total)} machines has a problem.`;
  const inputs = [
    `${n(i.read)} files read (${n(i.byKind.diagnose)} diagnose, ${n(i.byKind.remediate)} remediate, ${n(i.byKind.report)} report.json).`,
    i.superseded ? `${n(i.superseded)} older files described a machine a newer file describes too: the newest file of each machine counts.` : '',
    i.skipped.total ? `${n(i.skipped.total)} files skipped (see the end of the page).` : '',
    i.newerSchema.files ? `${n(i.newerSchema.files)} files came from a newer version of Sign-in Doctor and were read as far as possible.` : '',
    i.newerSchema.unreadableFindings ? `${n(i.newerSchema.unreadableFindings)} of them had findings this version cannot read: an older file of the same machine counts instead where there is one.` : '',
  ].filter(Boolean);

  const look = s.lookFirst.map((x, k) => [
    n(k + 1),
    `<strong>${esc(x.label)}</strong>${x.labelFrom === 'file' ? '' : `<div class="note id">${esc(x.file)}</div>`}`,
    `<span class="sev ${esc(x.worst)}">${SEV_LABEL[x.worst]}</span>`,
    n(x.fails),
    n(x.warns),
    x.problems.map((p) => `<span class="id">${esc(p)}</span>`).join('<br>'),
    x.errorCode ? `${esc(x.errorCode)}${x.topCause ? `<div class="note">first cause: ${esc(x.topCause)}</div>` : ''}` : '',
  ]);

  const problems = s.findings.filter((f) => f.bySeverity.fail + f.bySeverity.warn > 0);
  const domains = [...new Set(problems.map((f) => f.domain))];
  const charts = domains.map((d, k) => domainChart(d, problems.filter((f) => f.domain === d), m.total, k)).join('\n');

  const sections = [
    `<p class="headline ${m.byWorst.fail ? 'fail' : m.withProblems ? '' : 'ok'}">${esc(headline)}</p>`,
    `<ul>${inputs.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`,
    problems.length
      ? `<h2>Problems by domain</h2><p class="note legend">Machines with each problem, of ${n(m.total)}: <span class="fail"></span>failed <span class="warn"></span>warning</p>${charts}`
      : '',
    look.length ? `<h2>Look at these first</h2>${table(`The ${n(look.length)} machines with the worst problems, worst first`, [['#', true], ['Machine'], ['Worst'], ['Failed', true], ['Warnings', true], ['Problems'], ['Sign-in error']], look)}` : '',
    s.findings.length
      ? `<h2>Every finding</h2>${table('Machines with each finding, by severity', [['Finding'], ['Failed', true], ['Warning', true], ['Info', true], ['OK', true], ['Machines', true]], s.findings.map((f) => [`<span class="id">${esc(f.id)}</span>`, n(f.bySeverity.fail), n(f.bySeverity.warn), n(f.bySeverity.info), n(f.bySeverity.ok), n(f.machines)]))}`
      : '',
    s.errorCodes.length
      ? `<h2>Sign-in errors</h2>${table('The newest sign-in error of each machine, with the cause ranked first on those machines', [['Error'], ['Machines', true], ['First causes']], s.errorCodes.map((c) => [`<strong>${esc(c.display)}</strong>${c.name ? ` ${esc(c.name)}` : ''}`, n(c.machines), c.causes.map((k) => `${esc(k.title ?? k.id)} <span class="id">${esc(k.id)}</span>: ${n(k.machines)}`).join('<br>')]))}`
      : '',
    s.byOs.length
      ? `<h2>By OS and version</h2>${table('Machines by OS and version', [['OS'], ['Version'], ['Machines', true], ['With problems', true]], s.byOs.flatMap((o) => [[`<strong>${esc(o.platform)}</strong>`, 'all versions', n(o.machines), n(o.withProblems)], ...o.versions.map((v) => ['', esc(v.version), n(v.machines), n(v.withProblems)])]))}`
      : '',
    s.byTeamsClient.length
      ? `<h2>By Teams client</h2>${table('Machines by Teams client', [['Client'], ['Machines', true], ['With problems', true], ['Versions']], s.byTeamsClient.map((t) => [esc(t.name), n(t.machines), n(t.withProblems), t.versions.map((v) => `${esc(v.version)}: ${n(v.machines)}`).join('<br>')]))}`
      : '',
    i.skipped.total
      ? `<h2>Files skipped</h2>${table('Files that were not read as a machine, by reason', [['Reason'], ['Files', true], ['For example']], i.skipped.byReason.map((r) => [esc(r.meaning), n(r.files), r.examples.map((e) => `<span class="id">${esc(e)}</span>`).join('<br>')]))}`
      : '',
  ];

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${FLEET_CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in Doctor fleet summary</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Sign-in Doctor fleet summary</h1><p class="meta">Made ${esc(s.generatedAt)} from ${n(i.read)} files · schema version ${s.schemaVersion}</p></header>
<main>
${sections.filter(Boolean).join('\n')}
</main>
</body>
</html>
`;
}
