// Consent to quit a running Teams before the cache clear (and to force it if it does not quit).
import type { FC } from 'react';

export interface QuitChoice {
  quit: boolean;
  force: boolean;
}

export const QuitTeamsConsent: FC<{ choice: QuitChoice; onChange(choice: QuitChoice): void }> = ({ choice, onChange }) => (
  <fieldset>
    <legend>Teams is running</legend>
    <label>
      <input type="checkbox" checked={choice.quit} onChange={(e) => onChange({ ...choice, quit: e.target.checked })} /> Quit Teams for me before clearing
    </label>
    <label>
      <input type="checkbox" checked={choice.force} disabled={!choice.quit} onChange={(e) => onChange({ ...choice, force: e.target.checked })} /> Force it to close if it does not quit
    </label>
  </fieldset>
);
