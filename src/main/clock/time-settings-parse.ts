// Pure parsers of the commands that tell whether automatic time is on and which time zone is set.
// Each returns only what its text really says; anything unrecognised stays undefined.

export type AutoTime = 'on' | 'off' | 'unknown';

/** `w32tm /query /status`: "Source: time.windows.com,0x9", "Leap Indicator: 0(no warning)". */
export function parseW32tmStatus(text: string): { source?: string; synchronized?: boolean; serviceStopped?: boolean } {
  if (/0x80070426|service has not been started/i.test(text)) return { serviceStopped: true, synchronized: false };
  const source = /^Source:\s*(.+?)\s*$/im.exec(text)?.[1];
  const leap = /^Leap Indicator:\s*(\d)/im.exec(text)?.[1];
  const out: { source?: string; synchronized?: boolean } = {};
  if (source) {
    out.source = source.replace(/,0x[0-9a-f]+$/i, '');
    out.synchronized = !/Local CMOS Clock|Free-running System Clock/i.test(source) && leap !== '3';
  }
  return out;
}

/** W32Time `Type`: NoSync means automatic time is off; NTP, NT5DS and AllSync sync from a source. */
function w32Type(type: string | undefined): AutoTime {
  if (!type) return 'unknown';
  if (/^NoSync$/i.test(type)) return 'off';
  if (/^(NTP|NT5DS|AllSync)$/i.test(type)) return 'on';
  return 'unknown';
}

/** `w32tm /query /configuration`: "Type: NTP (Local)", "NtpServer: time.windows.com,0x9 (Local)". */
export function parseW32tmConfiguration(text: string): { autoTime: AutoTime; type?: string; ntpServer?: string } {
  const type = /^Type:\s*(\S+)/im.exec(text)?.[1];
  const ntpServer = /^NtpServer:\s*(.+?)\s*(?:\((?:Local|Policy)\))?\s*$/im.exec(text)?.[1]?.split(/\s+/)[0]?.replace(/,0x[0-9a-f]+$/i, '');
  return { autoTime: w32Type(type), ...(type ? { type } : {}), ...(ntpServer ? { ntpServer } : {}) };
}

/** `reg query HKLM\SYSTEM\CurrentControlSet\Services\W32Time\Parameters /v Type`: "    Type    REG_SZ    NTP". */
export function parseRegW32TimeType(text: string): AutoTime {
  return w32Type(/^\s*Type\s+REG_(?:EXPAND_)?SZ\s+(\S+)\s*$/im.exec(text)?.[1]);
}

/** `tzutil /g`: the Windows time zone id, e.g. "W. Europe Standard Time" (no trailing newline). */
export function parseTzutil(text: string): string | undefined {
  const line = text.trim().split(/\r?\n/)[0]?.trim();
  return line && /^[A-Za-z][A-Za-z0-9 ._()+-]{1,80}$/.test(line) ? line : undefined;
}

/** `systemsetup -getusingnetworktime`: "Network Time: On". */
export function parseMacNetworkTime(text: string): AutoTime {
  const v = /Network Time:\s*(On|Off)\b/i.exec(text)?.[1]?.toLowerCase();
  return v === 'on' ? 'on' : v === 'off' ? 'off' : 'unknown';
}

/** `systemsetup -getnetworktimeserver`: "Network Time Server: time.apple.com". */
export function parseMacTimeServer(text: string): string | undefined {
  return /Network Time Server:\s*(\S+)/i.exec(text)?.[1];
}

/** `systemsetup -gettimezone`: "Time Zone: America/New_York". */
export function parseMacTimeZone(text: string): string | undefined {
  return /Time Zone:\s*(\S+)/i.exec(text)?.[1];
}

/** `timedatectl show`: key=value lines (Timezone, NTP, NTPSynchronized, CanNTP). */
export function parseTimedatectlShow(text: string): { autoTime: AutoTime; timeZone?: string; synchronized?: boolean; canNtp?: boolean } {
  const kv = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (m) kv.set(m[1]!, m[2]!);
  }
  const yes = (k: string) => (kv.get(k) === 'yes' ? true : kv.get(k) === 'no' ? false : undefined);
  const ntp = yes('NTP');
  const synced = yes('NTPSynchronized');
  const canNtp = yes('CanNTP');
  const tz = kv.get('Timezone');
  return {
    autoTime: ntp === true ? 'on' : ntp === false ? 'off' : 'unknown',
    ...(tz ? { timeZone: tz } : {}),
    ...(synced !== undefined ? { synchronized: synced } : {}),
    ...(canNtp !== undefined ? { canNtp } : {}),
  };
}
