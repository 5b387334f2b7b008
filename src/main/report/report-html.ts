// report.html: readable on its own, in any browser, offline. Inline CSS only; no scripts, no
// external resources (images, fonts, links that load anything). Every value is HTML-escaped.
import { SEVERITY_ORDER, type Finding } from '../../shared/model';
import type { ReportDocument } from './report-document';

const esc = (value: unknown): string =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SEV_LABEL: Record<Finding['severity'], string> = { ok: 'OK', info: 'Info', warn: 'Warning', fail: 'Problem' };

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#fff;margin:0;padding:24px 32px;max-width:1100px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a;font-size:13px}.headline{font-size:17px;padding:12px 16px;border-radius:6px;margin:16px 0}
.headline.ok,.headline.info{background:#dafbe1;border:1px solid #4ac26b}.headline.warn{background:#fff8c5;border:1px solid #d4a72c}.headline.fail{background:#ffebe9;border:1px solid #ff8182}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;padding:12px;font:13px/1.45 ui-monospace,Consolas,monospace}
table{border-collapse:collapse;width:100%;font-size:14px}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #eaeef2}th{background:#f6f8fa}
.sev{display:inline-block;min-width:64px;text-align:center;font-weight:600;font-size:12px;border-radius:10px;padding:1px 8px}
.sev.ok{background:#dafbe1;color:#116329}.sev.info{background:#ddf4ff;color:#0550ae}.sev.warn{background:#fff8c5;color:#7d4e00}.sev.fail{background:#ffebe9;color:#a40e26}
.id{color:#57606a;font:12px ui-monospace,Consolas,monospace}details{margin-top:4px}summary{cursor:pointer;color:#0550ae;font-size:13px}
.note{color:#57606a;font-size:13px}
`;

function findingRows(findings: readonly Finding[]): string {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.domain.localeCompare(b.domain));
  return sorted
    .map((f) => {
      const evidence = Object.keys(f.evidence).length ? `<details><summary>Evidence</summary><pre>${esc(JSON.stringify(f.evidence, null, 2))}</pre></details>` : '';
      return `<tr><td><span class="sev ${esc(f.severity)}">${SEV_LABEL[f.severity]}</span></td><td>${esc(f.domain)}</td><td><strong>${esc(f.title)}</strong> <span class="id">${esc(f.id)}</span>${f.detail ? `<div>${esc(f.detail).replace(/\n/g, '<br>')}</div>` : ''}${evidence}</td></tr>`;
    })
    .join('\n');
}

const STRENGTH: Record<string, string> = { strong: 'Strong', possible: 'Possible', 'ruled-out': 'Ruled out' };

/** The verdict: the error the causes were ranked for and the causes with their evidence facts. */
function verdictHtml(doc: ReportDocument): string {
  const e = doc.error;
  const src = e?.source;
  const error = e
    ? `<h2>Verdict</h2><p><strong>${esc(e.verdict)}</strong></p><table>${[
        ['Error code', e.codes.map((c) => `${c.display}${c.name ? ` (${c.name})` : ''}`).join(', ')],
        ['Correlation ID', e.correlationId],
        ['Request ID', e.requestId],
        ['Time (UTC)', e.timestamp ?? (src?.kind === 'teams-log' ? src.time : undefined)],
        ['Source', src?.kind === 'teams-log' ? `Teams log ${src.file}, line ${src.line}` : 'pasted error'],
        ['Before a repair', src?.beforeRepair ? `${src.beforeRepair.fixId} at ${src.beforeRepair.at}` : undefined],
      ]
        .filter(([, v]) => v)
        .map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`)
        .join('')}</table>`
    : doc.causes.length
      ? '<h2>Verdict</h2><p>No sign-in error given or found in the Teams logs; measured faults:</p>'
      : '';
  const causes = doc.causes.length
    ? `<h3>Causes (strongest first)</h3><table><tr><th>Strength</th><th>Cause</th><th>Why</th></tr>${doc.causes
        .map((c) => `<tr><td>${esc(STRENGTH[c.strength] ?? c.strength)}</td><td><strong>${esc(c.title)}</strong> <span class="id">${esc(c.id)}</span></td><td>${c.because.map((b) => `${esc(b.fact)} <span class="id">${esc(b.findingId)}</span>`).join('<br>')}</td></tr>`)
        .join('')}</table>`
    : '';
  return `${error}${causes}`;
}

export function renderReportHtml(doc: ReportDocument): string {
  const d = doc.device;
  const deviceRows = d
    ? [
        ['Device platform', `${d.policyPlatform} (${d.osName} ${d.osVersion}${d.patchLevel ? `, ${d.patchLevel}` : ''})`],
        ['Device state', d.joinStateLabel],
        ['Tenant', [d.tenantName, d.tenantId].filter(Boolean).join(' / ')],
        ['Device ID', d.deviceId],
        ['Primary Refresh Token', d.prt ? (d.prt.present ? `present${d.prt.expiresAt ? `, expires ${d.prt.expiresAt}` : ''}` : 'missing') : ''],
        ['Last device error', d.lastError ? [d.lastError.code, d.lastError.description, d.lastError.correlationId ? `Correlation ID ${d.lastError.correlationId}` : ''].filter(Boolean).join(' — ') : ''],
      ].filter(([, v]) => v)
    : [];
  const ex = doc.explanation;
  const history = doc.history.length
    ? `<table><tr><th>When (UTC)</th><th>Repair</th><th>Status</th><th>Run</th></tr>${doc.history
        .map((r) => `<tr><td>${esc(r.startedAt)}</td><td>${esc(r.title)} <span class="id">${esc(r.fixId)}</span></td><td>${esc(r.status)}${r.error ? ` — ${esc(r.error)}` : ''}</td><td class="id">${esc(r.runId)}</td></tr>`)
        .join('')}</table>`
    : '<p>No repairs on record.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in Doctor report — ${esc(doc.generatedAt)}</title>
<style>${CSS}</style></head>
<body>
<h1>Sign-in Doctor report</h1>
<div class="meta">Generated ${esc(doc.generatedAt)} · ${esc(doc.app.name)} ${esc(doc.app.version)} · platform ${esc(doc.platform)} · report schema ${esc(doc.schemaVersion)} · personal data ${esc(doc.redaction.personal)}</div>
<div class="headline ${esc(doc.summary.worst)}" role="status">${esc(doc.summary.headline)}</div>
<h2>Message for IT</h2>
<pre>${esc(doc.message)}</pre>
${
  ex && ex.codes.length
    ? `<h2>Error</h2><table><tr><th>Code</th><th>Name</th><th>Meaning</th></tr>${ex.codes.map((c) => `<tr><td>${esc(c.code)}</td><td>${esc(c.name)}</td><td>${esc(c.meaning)}</td></tr>`).join('')}</table>`
    : ''
}
${verdictHtml(doc)}
${deviceRows.length ? `<h2>Device</h2><table>${deviceRows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>` : ''}
<h2>Findings (${doc.findings.length})</h2>
<p class="note">${esc(Object.entries(doc.summary.bySeverity).map(([k, n]) => `${n} ${SEV_LABEL[k as Finding['severity']].toLowerCase()}`).join(', ') || 'none')}</p>
${doc.findings.length ? `<table><tr><th>Severity</th><th>Area</th><th>Finding</th></tr>${findingRows(doc.findings)}</table>` : '<p>No checks ran.</p>'}
<h2>What was already tried</h2>
${history}
<p class="note">Tokens, passwords and keychain contents are never included. ${doc.redaction.personal === 'redacted' ? 'User names, home folders, e-mail addresses, device names and IP addresses were replaced with [user], [home], [email], [host] and [ip].' : 'Personal data (user names, e-mail addresses, device names, IP addresses) is included at the user\'s request.'}</p>
</body></html>
`;
}
