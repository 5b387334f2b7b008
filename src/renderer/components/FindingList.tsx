// Findings of one domain, worst first, each with the fixes that may help; with the help desk switch
// on, each also shows its id and its evidence (the raw values a technician asks for).
import type { FC } from 'react';
import { SEVERITY_ORDER, type Finding } from '../../shared/model';

export const SEVERITY_LABEL: Record<Finding['severity'], string> = { ok: 'OK', info: 'Info', warn: 'Warning', fail: 'Problem' };

export const FindingList: FC<{ findings: Finding[]; onFix(fixId: string): void; fixTitles: Record<string, string>; helpDesk?: boolean }> = ({ findings, onFix, fixTitles, helpDesk = false }) => {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  return (
    <ul className="findings">
      {sorted.map((f) => (
        <li key={f.id} className={`finding sev-${f.severity}`} data-finding-id={f.id}>
          <span className={`sev sev-${f.severity}`}>{SEVERITY_LABEL[f.severity]}</span>
          <div>
            <strong>{f.title}</strong>
            {helpDesk && (
              <>
                {' '}
                <code className="finding-id" data-testid="finding-id">
                  {f.id}
                </code>
              </>
            )}
            {f.detail && <p>{f.detail}</p>}
            {helpDesk && Object.keys(f.evidence).length > 0 && (
              <pre className="evidence" data-testid="finding-evidence">
                {JSON.stringify(f.evidence, null, 2)}
              </pre>
            )}
            {f.fixes.length > 0 && (
              <div className="actions">
                {f.fixes.map((id) => (
                  <button key={id} type="button" onClick={() => onFix(id)}>
                    {fixTitles[id] ?? id}…
                  </button>
                ))}
              </div>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
};
