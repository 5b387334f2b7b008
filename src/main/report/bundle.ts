// The support bundle: the files IT gets, built in memory and redacted, then zipped with yazl.
// Files: message-for-it.txt, report.json (versioned schema), report.html, fix-history.json and,
// when the Teams checks found sign-in failures in its logs, logs/teams-sign-in.txt. Evidence from
// Teams log lines is reduced to its catalogued facts first (log-facts.ts): no raw log line leaves.
import yazl from 'yazl';
import type { DeviceSummary } from '../../shared/contract/device';
import type { Cause, DiagnosisError } from '../../shared/contract/diagnosis';
import type { ItMessage, ReportPreview } from '../../shared/contract/report';
import { REPORT_SCHEMA_VERSION } from '../../shared/contract/report';
import { isConditionalAccessCode } from '../../shared/knowledge/catalog';
import { worstSeverity, type Finding, type RunSummary, type Severity } from '../../shared/model';
import { APP_NAME, APP_VERSION } from '../common/version';
import type { ReportData } from './collect-report';
import type { ReportDocument } from './report-document';
import { buildItMessage } from './it-message';
import { Redactor, type RedactionOptions } from '../common/redact/redactor';
import { allowListed, teamsLogFailureCount, teamsLogText } from './log-facts';
import { renderReportHtml } from './report-html';

export type { ReportDocument };

export interface BundleEntry {
  name: string;
  content: Buffer;
  summary: string;
}

export interface Bundle {
  document: ReportDocument;
  message: string;
  files: BundleEntry[];
  counts: Record<string, number>;
}

const EXCERPT_CHARS = 1_500;

export function headlineOf(findings: readonly Finding[], hasCaCode: boolean): { worst: Severity; nothingWrong: boolean; headline: string } {
  const worst = worstSeverity(findings);
  const fails = findings.filter((f) => f.severity === 'fail').length;
  const warns = findings.filter((f) => f.severity === 'warn').length;
  const nothingWrong = fails === 0 && warns === 0;
  let headline = nothingWrong
    ? `Sign-in Doctor found nothing wrong on this machine (${findings.length} checks passed or are informational).`
    : `Sign-in Doctor found ${[fails ? `${fails} problem${fails > 1 ? 's' : ''}` : '', warns ? `${warns} warning${warns > 1 ? 's' : ''}` : ''].filter(Boolean).join(' and ')}.`;
  if (hasCaCode) headline += ' The error itself is a Conditional Access decision of your organization: IT must look it up in the sign-in logs.';
  return { worst, nothingWrong, headline };
}

export function redactorFor(options: RedactionOptions, data: ReportData): Redactor {
  const redactor = new Redactor(options);
  for (const f of data.diagnosis.findings) redactor.learn(f.evidence);
  if (data.device) redactor.learn(data.device);
  return redactor;
}

export function buildBundle(data: ReportData, options: RedactionOptions): Bundle {
  const redactor = redactorFor(options, data);
  const raw = buildItMessage({ now: new Date(data.generatedAt), explanation: data.explanation, device: data.device, findings: data.diagnosis.findings, history: data.history, ...(data.verdict ? { verdict: data.verdict } : {}) });
  const message = redactor.text(raw.message);
  const facts = redactor.value(raw.facts) as ItMessage['facts'];
  const findings = redactor.value(data.diagnosis.findings.map(allowListed)) as Finding[];
  const ex = data.explanation;
  const hasCa = Boolean(ex?.codes.some((c) => isConditionalAccessCode(c.family, c.code)) || data.verdict?.error?.codes.some((c) => c.family === 'aadsts' && isConditionalAccessCode(c.family, c.code)));
  const bySeverity: Partial<Record<Severity, number>> = {};
  for (const f of findings) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;

  const document: ReportDocument = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    generatedAt: data.generatedAt,
    app: { name: APP_NAME, version: APP_VERSION },
    platform: data.platform,
    redaction: { personal: options.includePersonal ? 'included' : 'redacted', counts: {}, rules: {} },
    summary: { ...headlineOf(findings, hasCa), bySeverity },
    message,
    messageFacts: facts,
    ...(data.device ? { device: redactor.value(data.device) as DeviceSummary } : {}),
    ...(ex
      ? {
          explanation: redactor.value({
            format: ex.format,
            headline: ex.headline,
            codes: ex.codes.map((c) => ({ family: c.family, code: c.code, name: c.entry?.name ?? 'unknown', meaning: c.entry?.meaning ?? 'not in the catalog', fixer: c.entry?.fixer ?? 'unknown' })),
            fields: ex.fields,
          }) as ReportDocument['explanation'],
        }
      : {}),
    ...(data.verdict?.error ? { error: redactor.value(data.verdict.error) as DiagnosisError } : {}),
    causes: redactor.value(data.verdict?.causes ?? []) as Cause[],
    domains: data.diagnosis.domains,
    findings,
    history: redactor.value(data.history) as RunSummary[],
  };

  const runs = redactor.value(
    data.runs.map((r) => ({
      runId: r.runId,
      fixId: r.fixId,
      title: r.plan.title,
      status: r.status,
      startedAt: r.startedAt,
      updatedAt: r.updatedAt,
      summary: r.plan.summary,
      changes: r.plan.changes,
      // Options are left out: they can hold pasted text; the plan says what was done.
      steps: [...r.steps, ...r.undoSteps].map((s) => ({ kind: s.kind, description: s.description, state: s.state, ...(s.error ? { error: s.error } : {}) })),
      ...(r.verify ? { verify: { ok: r.verify.ok, message: r.verify.message } } : {}),
      ...(r.error ? { error: r.error } : {}),
    })),
  ) as unknown[];

  const files: BundleEntry[] = [];
  const add = (name: string, text: string, summary: string) => files.push({ name, content: Buffer.from(text, 'utf8'), summary });
  add('message-for-it.txt', `${message}\n`, 'The message for IT, ready to paste into a ticket or e-mail');
  const html = renderReportHtml(document);
  const history = `${JSON.stringify({ schemaVersion: REPORT_SCHEMA_VERSION, runs }, null, 2)}\n`;
  const logs = teamsLogText(data.diagnosis.findings, redactor);
  // report.json goes last so its redaction counts cover every file.
  document.redaction.counts = { ...redactor.counts } as Record<string, number>;
  document.redaction.rules = { ...redactor.rules };
  add('report.json', `${JSON.stringify(document, null, 2)}\n`, `${findings.length} findings with their evidence (schema version ${REPORT_SCHEMA_VERSION})`);
  add('report.html', html, 'The same report as a page any browser opens offline (no scripts, no external resources)');
  add('fix-history.json', history, runs.length ? `${runs.length} repair${runs.length > 1 ? 's' : ''} from the journal, with their steps` : 'No repairs on record');
  if (logs) {
    const n = teamsLogFailureCount(data.diagnosis.findings);
    add('logs/teams-sign-in.txt', logs, `${n} sign-in failure${n === 1 ? '' : 's'} from the Teams logs: time, code, IDs, file and line (not the log lines)`);
  }
  return { document, message, files, counts: document.redaction.counts };
}

export function previewOf(bundle: Bundle, previewId: string): ReportPreview {
  return {
    previewId,
    message: bundle.message,
    files: bundle.files.map((f) => {
      const text = f.content.toString('utf8');
      return { name: f.name, bytes: f.content.length, summary: f.summary, excerpt: text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\n…` : text };
    }),
    redaction: { personal: bundle.document.redaction.personal, counts: bundle.counts },
    findings: bundle.document.findings.length,
    worst: bundle.document.summary.worst,
  };
}

export function zipBundle(files: readonly BundleEntry[], mtime: Date): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    for (const f of files) zip.addBuffer(f.content, f.name, { mtime, mode: 0o100644 });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
    zip.end();
  });
}
