// The last resort for new Teams on Windows: Settings > Apps > Microsoft Teams > Advanced options >
// Reset. We only open the Settings page (a deep link); the user presses Reset. It wipes the app's
// data including settings, so the cache clear (undoable) comes first.
import type { OfficialReset } from '../../shared/contract/teams';
import type { EngineContext } from '../engine/types';
import { isAllowedSettingsUri } from '../common/external-links';
import type { HostPorts } from '../engine/types';
import { NEW_TEAMS_PACKAGE } from './teams-paths';

export const RESET_URI = `ms-settings:appsfeatures-app?PFN=${NEW_TEAMS_PACKAGE}`;

const STEPS = [
  'Quit Teams (right-click its icon in the taskbar corner, then Quit).',
  'In Settings > Apps > Installed apps, find Microsoft Teams, open its menu (…) and choose Advanced options (the link opens this page directly when Windows supports it).',
  'Scroll to Reset and press Reset (Repair first keeps your data; Reset removes it).',
  'Start Teams and sign in again.',
];

export async function officialReset(ctx: EngineContext, host: HostPorts, open: boolean): Promise<OfficialReset> {
  if (ctx.platform !== 'win32') {
    return {
      available: false,
      opened: false,
      explanation: 'The official Reset exists only for new Teams on Windows. On this system use "Clear the Teams cache" (undoable) instead.',
      steps: [],
    };
  }
  let opened = false;
  if (open && isAllowedSettingsUri(RESET_URI)) opened = await host.openExternal(RESET_URI);
  return {
    available: true,
    uri: RESET_URI,
    opened,
    explanation:
      'Windows can reset new Teams for you. It deletes all of Teams\' local data, including settings and backgrounds, and cannot be undone: try "Clear the Teams cache" first. It does not fix a Conditional Access block (53003).',
    steps: open && !opened ? ['The Settings page could not be opened from here: open Settings yourself.', ...STEPS] : STEPS,
  };
}
