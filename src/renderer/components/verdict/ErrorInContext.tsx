// The error the whole app is looking into, shown on the screens that do not take a paste (Checks,
// CAC, Token): its code, when, its Correlation ID, and one sentence on what this screen can tell
// about it. The way back to the verdict is one click. Nothing is shown before an error is known.
import type { FC } from 'react';
import type { DiagnosisError } from '../../../shared/contract/diagnosis';
import { isConditionalAccessFamily } from '../../../shared/knowledge/causes';
import { useNavigate, useSharedError } from '../../error-context';
import { whenOf } from './when';

export type ContextScreen = 'checks' | 'cac' | 'token';


/** What this screen can tell about the error's family, in one sentence; undefined when nothing specific. */
export function relevanceNote(screen: ContextScreen, family: string | undefined): string | undefined {
  if (!family) return undefined;
  if (screen === 'cac') {
    if (family === 'certificate') return 'Your error is a certificate (smart card) sign-in failure: the reader, the card, its certificates and their chain below are what to check.';
    if (isConditionalAccessFamily(family)) return 'If your organization requires a smart card for this sign-in, a card that is not read or not trusted here can be why the policy refused it.';
    return undefined;
  }
  if (screen === 'token') {
    if (family === 'stale-token') return 'Your error is about an expired or revoked token: a token shows when it was issued, when it expires and for which account.';
    if (family === 'clock-assertion' || family === 'kerberos') return 'Your error can come from a wrong clock: measure the clock below to compare the token\'s times with the real time.';
    if (isConditionalAccessFamily(family)) return 'A token shows what a Conditional Access policy saw: the device ID (deviceid) and how you signed in (amr).';
    return undefined;
  }
  return 'The problems the checks found are ordered by how much they matter to this error.';
}

function when(error: DiagnosisError): string {
  const at = whenOf(error.source.kind === 'teams-log' ? (error.source.time ?? error.timestamp) : error.timestamp);
  return at ? ` ${at}` : '';
}

export const ErrorInContext: FC<{ screen: ContextScreen }> = ({ screen }) => {
  const { found } = useSharedError();
  const navigate = useNavigate();
  if (!found || found.codes.length === 0) return null;
  const lead = found.codes.find((c) => c.display === found.leadCode) ?? found.codes[0]!;
  const note = relevanceNote(screen, found.family);
  return (
    <aside className="card context" aria-label="The error you are looking into" data-testid="error-in-context">
      <p>
        <strong>
          {found.source.kind === 'teams-log' ? 'Teams could not sign you in' : 'The error you pasted'}
          {when(found)}: {lead.display}
          {lead.name ? ` (${lead.name})` : ''}
        </strong>
        {found.source.beforeRepair ? ' — from before your repair, so it no longer counts as current.' : ''}
      </p>
      {found.correlationId && (
        <p className="notes">
          Correlation ID <code>{found.correlationId}</code>
        </p>
      )}
      {note && <p>{note}</p>}
      <div className="actions">
        <button type="button" onClick={() => navigate('verdict')}>
          Back to the verdict
        </button>
      </div>
    </aside>
  );
};
