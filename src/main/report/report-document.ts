// The report.json document (versioned schema): what bundle.ts builds and report-html.ts renders.
import type { DeviceSummary } from '../../shared/contract/device';
import type { Cause, DiagnosisError } from '../../shared/contract/diagnosis';
import type { ItMessage } from '../../shared/contract/report';
import type { REPORT_SCHEMA_VERSION } from '../../shared/contract/report';
import type { Finding, RunSummary, Severity } from '../../shared/model';

export interface ReportDocument {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  generatedAt: string;
  app: { name: string; version: string };
  platform: string;
  /** counts: replacements by kind; rules: matches by redaction rule name (which rule fired). */
  redaction: { personal: 'redacted' | 'included'; counts: Record<string, number>; rules: Record<string, number> };
  summary: { worst: Severity; nothingWrong: boolean; headline: string; bySeverity: Partial<Record<Severity, number>> };
  message: string;
  messageFacts: ItMessage['facts'];
  device?: DeviceSummary;
  explanation?: {
    format: string;
    headline: string;
    codes: Array<{ family: string; code: string; name: string; meaning: string; fixer: string }>;
    fields: Record<string, string | undefined>;
  };
  /** Since schema 2: the error the causes were ranked for (pasted or the newest Teams log failure). */
  error?: DiagnosisError;
  /** Since schema 2: the ranked causes, strongest first, ruled-out last, each with its evidence facts. */
  causes: Cause[];
  domains: string[];
  findings: Finding[];
  history: RunSummary[];
}
