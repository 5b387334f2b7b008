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
  return ALLOWED_HOSTS.includes(url.hostname.toLowerCase());
}

/** ms-settings deep links are allowed separately (Windows Settings pages, never arbitrary schemes). */
export function isAllowedSettingsUri(raw: string): boolean {
  return /^ms-settings:[a-z0-9-]+(\?[A-Za-z0-9=&._-]*)?$/.test(raw);
}
