// Findings of one domain, worst first, each with the fixes that may help.
import type { FC } from 'react';
import { SEVERITY_ORDER, type Finding } from '../../shared/model';

const LABEL: Record<Finding['severity'], string> = { ok: 'OK', info: 'Info', warn: 'Warning', fail: 'Problem' };

export const FindingList: FC<{ findings: Finding[]; onFix(fixId: string): void; fixTitles: Record<string, string> }> = ({ findings, onFix, fixTitles }) => {
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity]);
  return (
    <ul className="findings">
      {sorted.map((f) => (
        <li key={f.id} className={`finding sev-${f.severity}`} data-finding-id={f.id}>
          <span className={`sev sev-${f.severity}`}>{LABEL[f.severity]}</span>
          <div>
            <strong>{f.title}</strong>
            {f.detail && <p>{f.detail}</p>}
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
