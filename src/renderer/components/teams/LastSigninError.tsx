// The newest sign-in failure in the Teams logs (teams.log-signin-failure evidence), and when it is
// a Conditional Access block, that clearing the cache will not fix it.
import type { FC } from 'react';
import type { Evidence } from '../../../shared/contract/findings';

function failureText(failure: Evidence<'teams.log-signin-failure'> | undefined): string {
  if (!failure) return 'none found';
  return [failure.code, failure.time ? `at ${failure.time}` : undefined, failure.correlationId ? `(Correlation ID ${failure.correlationId})` : undefined].filter(Boolean).join(' ');
}

export const LastSigninError: FC<{ failure: Evidence<'teams.log-signin-failure'> | undefined }> = ({ failure }) => (
  <>
    <dl className="fields">
      <div>
        <dt>Last sign-in error in the logs</dt>
        <dd data-testid="teams-last-error">{failureText(failure)}</dd>
      </div>
    </dl>
    {failure?.conditionalAccess === true && (
      <p className="warn-text">This is a Conditional Access block decided by your organization: clearing the cache will not fix it. Send IT the Correlation ID above.</p>
    )}
  </>
);
