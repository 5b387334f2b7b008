// The previewed plan of a repair: what changes, what is kept, apps to close, admin rights, undo
// and warnings. What the user reads here is what Apply runs (by the plan's planId).
import type { FC } from 'react';
import type { FixPlan } from '../../../shared/model';

const ItemList: FC<{ title: string; items: readonly string[] }> = ({ title, items }) =>
  items.length > 0 ? (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </>
  ) : null;

export const FixPlanView: FC<{ plan: FixPlan }> = ({ plan }) => (
  <div data-testid="fix-plan">
    <p>{plan.summary}</p>
    {plan.blockedBy && (
      <p className="error" role="alert">
        Cannot run now: {plan.blockedBy}
      </p>
    )}
    <ItemList title="What will change" items={plan.changes} />
    <ItemList title="What is kept" items={plan.keeps} />
    {plan.needsClosed.length > 0 && <p>These apps must be closed first: {plan.needsClosed.join(', ')}.</p>}
    <p>{plan.needsAdmin ? 'This step needs administrator rights: you will be asked for them for this action only.' : 'No administrator rights are needed.'}</p>
    <p>
      <strong>Undo:</strong> {plan.undoable ? plan.undoDescription : `not possible. ${plan.undoDescription}`}
    </p>
    {plan.warnings.map((w) => (
      <p key={w} className="warn-text">
        {w}
      </p>
    ))}
  </div>
);
