import { describe, expect, it } from 'vitest';
import { defaultStateDir, detectPlatform, userDirs } from '../../../../src/main/os/platform';

describe('platform', () => {
  it('honours SIGNIN_DOCTOR_PLATFORM and rejects unknown values', () => {
    expect(detectPlatform({ SIGNIN_DOCTOR_PLATFORM: 'win32' }, 'linux')).toBe('win32');
    expect(detectPlatform({}, 'darwin')).toBe('darwin');
    expect(detectPlatform({}, 'freebsd')).toBe('linux');
    expect(() => detectPlatform({ SIGNIN_DOCTOR_PLATFORM: 'dos' })).toThrow(/SIGNIN_DOCTOR_PLATFORM/);
  });

  it('derives user folders from the usual environment variables', () => {
    const win = userDirs('win32', { USERPROFILE: '/t/u', APPDATA: '/t/roaming', LOCALAPPDATA: '/t/local' });
    expect(win).toMatchObject({ home: '/t/u', appData: '/t/roaming', localAppData: '/t/local' });
    expect(userDirs('win32', { USERPROFILE: '/t/u' }).localAppData).toBe('/t/u/AppData/Local');
    expect(userDirs('darwin', { HOME: '/t/h' }).library).toBe('/t/h/Library');
    expect(userDirs('linux', { HOME: '/t/h' }).xdgConfig).toBe('/t/h/.config');
    expect(defaultStateDir('win32', { APPDATA: '/t/roaming' })).toBe('/t/roaming/Sign-in Doctor');
    expect(defaultStateDir('darwin', { HOME: '/t/h' })).toBe('/t/h/Library/Application Support/Sign-in Doctor');
    expect(defaultStateDir('linux', { HOME: '/t/h' })).toBe('/t/h/.local/state/signin-doctor');
  });
});
