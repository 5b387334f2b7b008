// The only pages the app will open in the user's browser: Microsoft and DoD guidance over https.
const ALLOWED_HOSTS = [
  'learn.microsoft.com',
  'support.microsoft.com',
  'portal.manage.microsoft.com',
  'myaccount.microsoft.com',
  'mysignins.microsoft.com',
  'aka.ms',
  'public.cyber.mil',
  'militarycac.com',
];

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  // Microsoft's AADSTS lookup page only (the sign-in host itself is not a page to open).
  if (url.hostname.toLowerCase() === 'login.microsoftonline.com') return url.pathname === '/error' && /^\?code=\d{5,7}$/.test(url.search);
  return ALLOWED_HOSTS.includes(url.hostname.toLowerCase());
}

/** ms-settings deep links are allowed separately (Windows Settings pages, never arbitrary schemes). */
export function isAllowedSettingsUri(raw: string): boolean {
  return /^ms-settings:[a-z0-9-]+(\?[A-Za-z0-9=&._-]*)?$/.test(raw);
}
