// One cause of the verdict: how strong, why (the facts read from the findings), what to do now,
// the repair buttons (each opens the plan preview) and what IT must do, behind a disclosure.
import type { FC } from 'react';
import type { Cause } from '../../../shared/contract/diagnosis';
import { whenOf } from './when';

const STRENGTH: Record<Cause['strength'], string> = { strong: 'Most likely', possible: 'Possible', 'ruled-out': 'Ruled out' };

export const CauseCard: FC<{ cause: Cause; fixTitle(id: string): string; onFix(id: string): void }> = ({ cause, fixTitle, onFix }) => (
  <article className="card" aria-labelledby={`cause-${cause.id}`} data-testid={`cause-${cause.id}`} data-strength={cause.strength}>
    <h3 id={`cause-${cause.id}`}>
      <span className="notes">{STRENGTH[cause.strength]}: </span>
      {cause.title}
    </h3>
    {cause.because.length > 0 && (
      <>
        <h4>Why</h4>
        <ul>
          {cause.because.map((b) => (
            <li key={`${b.findingId}:${b.fact}`}>{b.fact}</li>
          ))}
        </ul>
      </>
    )}
    {cause.userActions.length > 0 && (
      <>
        <h4>What you can do</h4>
        <ul>
          {cause.userActions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </>
    )}
    {cause.fixes.length > 0 && (
      <div className="actions">
        {cause.fixes.map((id, i) => (
          <button key={id} type="button" className={i === 0 ? 'primary' : undefined} onClick={() => onFix(id)} data-fix-id={id}>
            {fixTitle(id)}
          </button>
        ))}
      </div>
    )}
    {cause.itActions.length > 0 && (
      <details>
        <summary>What IT must do</summary>
        <ul>
          {cause.itActions.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    )}
  </article>
);

/** Ruled-out causes with their values; one a repair addressed says which repair and when, in words. */
export const RuledOut: FC<{ causes: Cause[]; fixTitle(id: string): string }> = ({ causes, fixTitle }) =>
  causes.length === 0 ? null : (
    <details data-testid="ruled-out">
      <summary>Checked and ruled out ({causes.length})</summary>
      <ul>
        {causes.map((c) => {
          // The engine's own "addressed by" fact is said here in words, with the repair's title.
          const facts = c.addressedBy ? c.because.filter((b) => b.findingId !== 'history') : c.because;
          return (
            <li key={c.id} data-testid={`ruled-out-${c.id}`}>
              <strong>{c.title}</strong>
              {c.addressedBy && ` — ${['addressed by your repair', whenOf(c.addressedBy.at), `(${fixTitle(c.addressedBy.fixId)})`].filter(Boolean).join(' ')}`}
              {facts.length > 0 && <> — {facts.map((b) => b.fact).join('; ')}</>}
            </li>
          );
        })}
      </ul>
    </details>
  );
