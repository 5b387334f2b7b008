// Live reader and card events pushed by main (cac-event), newest first.
import type { FC } from 'react';
import type { CacEvent } from '../../../shared/contract/cac';
import { EVENT_TEXT } from './cac-text';

export const ReaderEventLog: FC<{ events: readonly CacEvent[] }> = ({ events }) => (
  <>
    <h4>Live reader events</h4>
    <ol aria-live="polite" aria-label="Live reader events, newest first" data-testid="cac-events" className="notes">
      {events.length === 0 && <li>Waiting for the reader… insert or remove your card to see it here.</li>}
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} data-event={e.type}>
          {new Date(e.at).toLocaleTimeString()} — {EVENT_TEXT[e.type]}
          {e.reader ? `: ${e.reader}` : ''}
          {e.failure ? ` (${e.failure.advice[0] ?? e.failure.name})` : ''}
        </li>
      ))}
    </ol>
  </>
);
