// New Teams' official Reset (Windows Settings > Apps), explained step by step with its link.
import type { FC } from 'react';
import type { OfficialReset } from '../../../shared/contract/teams';
import { CopyButton } from '../CopyButton';

export const OfficialResetBanner: FC<{ reset: OfficialReset }> = ({ reset }) => (
  <div className="banner" role="region" aria-label="Official Reset of new Teams">
    <p>{reset.explanation}</p>
    <ol>
      {reset.steps.map((s) => (
        <li key={s}>{s}</li>
      ))}
    </ol>
    {reset.uri && (
      <p>
        Settings page: <code>{reset.uri}</code> <CopyButton text={reset.uri} label="Copy the link" />
      </p>
    )}
  </div>
);
