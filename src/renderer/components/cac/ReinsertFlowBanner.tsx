// The guided "reinsert your card" flow: the current step and its message, announced assertively.
import type { FC } from 'react';
import type { ReinsertEvent } from '../../../shared/contract/cac';
import { FLOW_TITLE } from './cac-text';

export const ReinsertFlowBanner: FC<{ flow: ReinsertEvent }> = ({ flow }) => (
  <section className="banner" aria-labelledby="cac-flow-title" data-testid="cac-flow" data-step={flow.step}>
    <h4 id="cac-flow-title">{FLOW_TITLE[flow.step]}</h4>
    <p role="status" aria-live="assertive" data-testid="cac-flow-message">
      {flow.message}
    </p>
  </section>
);
