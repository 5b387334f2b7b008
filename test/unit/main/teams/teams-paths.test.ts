import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { teamsClients, tokenBrokerAccounts } from '../../../../src/main/teams/teams-paths';

describe('Teams folders per OS', () => {
  it('Windows: classic under APPDATA, new Teams only LocalCache\\Microsoft\\MSTeams inside its package', () => {
    const env = { APPDATA: '/u/Roaming', LOCALAPPDATA: '/u/Local', USERPROFILE: '/u' };
    const [classic, fresh] = teamsClients('win32', env);
    expect(classic!.roots.map((r) => r.path)).toEqual([join('/u/Roaming', 'Microsoft', 'Teams')]);
    expect(fresh!.roots.map((r) => r.path)).toEqual([join('/u/Local', 'Packages', 'MSTeams_8wekyb3d8bbwe', 'LocalCache', 'Microsoft', 'MSTeams')]);
    expect(fresh!.roots[0]!.keep).toEqual(expect.arrayContaining(['Logs', 'Backgrounds/Uploads']));
    expect(classic!.roots[0]!.keep).toEqual(expect.arrayContaining(['logs.txt', 'Backgrounds/Uploads', 'desktop-config.json']));
    expect(fresh!.processNames).toEqual(['ms-teams']);
    expect(classic!.processNames).toEqual(['Teams']);
    expect(tokenBrokerAccounts(env)).toBe(join('/u/Local', 'Packages', 'Microsoft.AAD.BrokerPlugin_cw5n1h2txyewy', 'AC', 'TokenBroker', 'Accounts'));
  });

  it('macOS: both folders of each client, "Group Containers" with its space, never MSTeamsAudioDevice', () => {
    const [classic, fresh] = teamsClients('darwin', { HOME: '/Users/dave' });
    expect(classic!.roots.map((r) => r.path)).toEqual(['/Users/dave/Library/Application Support/Microsoft/Teams', '/Users/dave/Library/Caches/com.microsoft.teams']);
    expect(fresh!.roots.map((r) => r.path)).toEqual(['/Users/dave/Library/Group Containers/UBF8T346G9.com.microsoft.teams', '/Users/dave/Library/Containers/com.microsoft.teams2']);
    expect(fresh!.logs[0]!.dir).toBe('/Users/dave/Library/Group Containers/UBF8T346G9.com.microsoft.teams/Library/Application Support/Logs');
    expect([...classic!.processNames, ...fresh!.processNames].some((n) => /AudioDevice/.test(n))).toBe(false);
  });

  it('Linux: the community client in XDG config', () => {
    const [linux] = teamsClients('linux', { HOME: '/home/dave', XDG_CONFIG_HOME: '/home/dave/.cfg' });
    expect(linux!.roots[0]!.path).toBe('/home/dave/.cfg/teams-for-linux');
  });
});
