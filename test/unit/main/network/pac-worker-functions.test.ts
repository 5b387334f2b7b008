// The PAC built-in functions the sandbox offers: the glob matcher behind shExpMatch (semantics,
// escaping of RegExp metacharacters, adversarial patterns that made a RegExp backtrack for
// minutes, and agreement with a plain dynamic-programming matcher on random inputs), the
// browser semantics of the host helpers, and DNS lookups that are cached, one at a time, and
// bounded in number.
import { describe, expect, it } from 'vitest';
import { MAX_PAC_DNS_LOOKUPS, globMatch, ipv4Number, localIpv4, pacFunctions } from '../../../../src/main/network/pac-worker-functions';

/** Reference: the textbook O(n*m) table; obviously right, too slow for the product. */
function dpMatch(text: string, pattern: string): boolean {
  let row = [true, ...Array<boolean>(text.length).fill(false)];
  for (const p of pattern) {
    const next = [p === '*' && row[0]!, ...Array<boolean>(text.length).fill(false)];
    for (let j = 1; j <= text.length; j++) next[j] = p === '*' ? row[j]! || next[j - 1]! : row[j - 1]! && (p === '?' || p === text[j - 1]);
    row = next;
  }
  return row[text.length]!;
}

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('globMatch (shExpMatch)', () => {
  it.each([
    ['login.microsoftonline.com', '*.microsoftonline.com', true],
    ['microsoftonline.com', '*.microsoftonline.com', false],
    ['a.b.microsoftonline.com', '*.microsoftonline.com', true],
    ['http://intranet/x', 'http://intranet/*', true],
    ['abc', 'a?c', true],
    ['ac', 'a?c', false],
    ['abc', '*', true],
    ['', '*', true],
    ['', '', true],
    ['a', '', false],
    ['abc', 'abc', true],
    ['abcd', 'abc', false],
    ['abc', '***a**b**c***', true],
    ['aXbXc', '*X*X*', true],
    ['aXb', '*X*X*', false],
    ['mississippi', '*ss*ss*', true],
    ['mississippi', 'm??s*i', true],
    ['10.1.2.3', '10.*', true],
    ['Login.MicrosoftOnline.com', '*.microsoftonline.com', false], // case-sensitive, as browsers
  ])('%j against %j is %s', (text, pattern, expected) => {
    expect(globMatch(text, pattern)).toBe(expected);
    expect(dpMatch(text, pattern)).toBe(expected);
  });

  it('treats RegExp metacharacters as themselves', () => {
    expect(globMatch('a.c', 'a.c')).toBe(true);
    expect(globMatch('abc', 'a.c')).toBe(false); // "." is not "any character"
    expect(globMatch('a+', 'a+')).toBe(true);
    expect(globMatch('aa', 'a+')).toBe(false);
    expect(globMatch('(x)|[y]{2}^$\\', '(x)|[y]{2}^$\\')).toBe(true);
    expect(globMatch('y', '(x)|[y]{2}^$\\')).toBe(false);
    expect(globMatch('x', '[x]')).toBe(false);
    expect(globMatch('host', 'ho.*')).toBe(false); // ".*" is a dot, then any run
    expect(globMatch('ho.st', 'ho.*')).toBe(true);
    expect(globMatch('a\nb', 'a?b')).toBe(true);
    expect(globMatch('a\nb', 'a*b')).toBe(true);
  });

  it('answers at once on the patterns that made the RegExp version backtrack for minutes', () => {
    const a = 'a'.repeat(43);
    // pac-resolver made "^([^X]+)+X$" of this: catastrophic. As a glob it is plain text.
    expect(globMatch(a, '([^X]+)+X')).toBe(false);
    expect(globMatch('([^X]+)+X', '([^X]+)+X')).toBe(true);
    // A backtracking glob matcher is exponential in the stars here; greedy placement is not.
    const long = 'a'.repeat(200_000);
    expect(globMatch(long, `${'*a'.repeat(64)}*b`)).toBe(false);
    expect(globMatch(long, `${'*a'.repeat(64)}*`)).toBe(true);
    expect(globMatch(`${long}b`, `*${'a'.repeat(1000)}b`)).toBe(true);
    expect(globMatch(long, `*${'?'.repeat(500)}b*`)).toBe(false);
    expect(globMatch(long, '*'.repeat(100_000))).toBe(true);
  });

  it('agrees with the dynamic-programming matcher on random texts and patterns', () => {
    const random = prng(53003);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 5000; i++) {
      const text = pick('ab.', Math.floor(random() * 12));
      const pattern = pick('ab.*?', Math.floor(random() * 8));
      expect([text, pattern, globMatch(text, pattern)]).toEqual([text, pattern, dpMatch(text, pattern)]);
    }
  });
});

describe('host helpers', () => {
  const f = pacFunctions({ resolve4: async () => undefined });

  it('dnsDomainIs, localHostOrDomainIs, isPlainHostName and dnsDomainLevels as browsers define them', () => {
    expect(f.dnsDomainIs('www.netscape.com', '.netscape.com')).toBe(true);
    expect(f.dnsDomainIs('www', '.netscape.com')).toBe(false);
    expect(f.dnsDomainIs('www.mcom.com', '.netscape.com')).toBe(false);
    expect(f.localHostOrDomainIs('www.netscape.com', 'www.netscape.com')).toBe(true);
    expect(f.localHostOrDomainIs('www', 'www.netscape.com')).toBe(true);
    expect(f.localHostOrDomainIs('www.mcom.com', 'www.netscape.com')).toBe(false);
    expect(f.localHostOrDomainIs('home.netscape.com', 'www.netscape.com')).toBe(false);
    expect(f.isPlainHostName('intranet')).toBe(true);
    expect(f.isPlainHostName('login.microsoftonline.com')).toBe(false);
    expect(f.dnsDomainLevels('www')).toBe(0);
    expect(f.dnsDomainLevels('login.microsoftonline.com')).toBe(2);
  });

  it('takes whatever a PAC passes (numbers, undefined, objects) without throwing', () => {
    expect(f.shExpMatch(undefined, '*')).toBe(true);
    expect(f.shExpMatch(12345, '12*')).toBe(true);
    expect(f.dnsDomainIs(null, 'null')).toBe(true);
    expect(f.isPlainHostName({})).toBe(true); // "[object Object]"
    expect(f.dnsDomainLevels(1.5)).toBe(1);
  });

  it('isInNet compares IPv4 addresses under a mask; a bad pattern or mask is false', async () => {
    expect(await f.isInNet('10.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(true);
    expect(await f.isInNet('11.1.2.3', '10.0.0.0', '255.0.0.0')).toBe(false);
    expect(await f.isInNet('192.168.7.200', '192.168.7.128', '255.255.255.128')).toBe(true);
    expect(await f.isInNet('255.255.255.255', '255.255.255.0', '255.255.255.0')).toBe(true);
    expect(await f.isInNet('10.1.2.3', '10.0.0', '255.0.0.0')).toBe(false);
    expect(await f.isInNet('10.1.2.3', '10.0.0.0', 'x')).toBe(false);
    expect(await f.isInNet('no-such-host', '0.0.0.0', '0.0.0.0')).toBe(false); // unresolvable
    expect(ipv4Number('1.2.3.4')).toBe(0x01020304);
    expect(ipv4Number('01.2.3.4')).toBeUndefined();
    expect(ipv4Number('::1')).toBeUndefined();
  });

  it('myIpAddress is a local interface address, found without any network traffic', () => {
    const ifaces = {
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '00:00:00:00:00:00', cidr: '127.0.0.1/8' }],
      eth0: [
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: 'ffff:ffff:ffff:ffff::', mac: '02:00:00:00:00:01', cidr: 'fe80::1/64', scopeid: 2 },
        { address: '192.0.2.10', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '02:00:00:00:00:01', cidr: '192.0.2.10/24' },
      ],
    } as ReturnType<typeof import('node:os').networkInterfaces>;
    expect(localIpv4(ifaces)).toBe('192.0.2.10');
    expect(localIpv4({ lo: ifaces.lo })).toBe('127.0.0.1');
    expect(ipv4Number(f.myIpAddress())).toBeDefined(); // synchronous: pac-resolver's dialled 8.8.8.8:53
  });

  it('alert prints nothing (our stdout is the --json document)', () => {
    expect(f.alert()).toBeUndefined();
  });
});

describe('DNS lookups of a PAC', () => {
  it('are cached, run one at a time, and are bounded in number', async () => {
    const asked: string[] = [];
    let inFlight = 0;
    let most = 0;
    const releases: Array<() => void> = [];
    const f = pacFunctions({
      resolve4: (host) => {
        asked.push(host);
        most = Math.max(most, ++inFlight);
        return new Promise((resolve) => releases.push(() => (inFlight--, resolve(host === 'proxy.contoso.com' ? '10.9.8.7' : undefined))));
      },
    });
    const a = f.dnsResolve('proxy.contoso.com');
    const b = f.isResolvable('other.contoso.com');
    const c = f.dnsResolve('proxy.contoso.com');
    // Only the first lookup has started; the second waits for it.
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual(['proxy.contoso.com']);
    releases.shift()!();
    expect(await a).toBe('10.9.8.7');
    expect(await c).toBe('10.9.8.7');
    await new Promise((r) => setImmediate(r));
    releases.shift()!();
    expect(await b).toBe(false);
    expect(asked).toEqual(['proxy.contoso.com', 'other.contoso.com']);
    expect(most).toBe(1);
    expect(await f.dnsResolve('10.0.0.1')).toBe('10.0.0.1'); // an address needs no lookup
    expect(await f.dnsResolve('x'.repeat(300))).toBeNull(); // not a DNS name; not looked up
    expect(asked).toHaveLength(2);
  });

  it(`refuse more than ${MAX_PAC_DNS_LOOKUPS} different names`, async () => {
    const f = pacFunctions({ resolve4: async () => '192.0.2.1' });
    for (let i = 0; i < MAX_PAC_DNS_LOOKUPS; i++) expect(await f.dnsResolve(`h${i}.contoso.com`)).toBe('192.0.2.1');
    await expect(f.dnsResolve('one-more.contoso.com')).rejects.toThrow(/more than 32 DNS lookups/);
    expect(await f.dnsResolve('h0.contoso.com')).toBe('192.0.2.1'); // cached names still answer
  });

  it('use the system resolver by default (localhost from the hosts file)', async () => {
    const f = pacFunctions();
    expect(await f.dnsResolve('localhost')).toBe('127.0.0.1');
    expect(await f.isInNet('localhost', '127.0.0.0', '255.0.0.0')).toBe(true);
  });
});
