// Redaction throughput (MB/s) of the support bundle's redactor on normal and on hostile text, now
// and before the shared redaction core (the report's own redactor at commit BEFORE, loaded from git
// when the history is there). Hostile sizes for the old one stay small: it was quadratic (80 KB of
// letters took seconds). Prints figures only; never passes or fails on speed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadTs } from './_load-ts.mjs';

/** The last commit with src/main/report/redact.ts, the redactor before src/main/common/redact. */
const BEFORE = 'fada867';

const fmt = (n, digits = 1) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median seconds of `fn` over a few runs, at most about `budgetMs` in total. */
function time(fn, budgetMs = 1500) {
  fn(); // warm-up
  const times = [];
  const start = performance.now();
  while (times.length < 3 || (times.length < 15 && performance.now() - start < budgetMs)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times) / 1000;
}

function normalLog(bytes) {
  const lines = [
    '2026-11-23T06:41:12.345000Z 0x00002a10 <INFO> CoreWebView: navigation 812 completed in 41 ms',
    '2026-11-23T06:41:12.400000Z 0x00002a10 <ERR> AuthenticationService: acquireToken failed: {"error":"interaction_required","error_description":"AADSTS53003: Access has been blocked by Conditional Access policies. Trace ID: 0b3c9f4e-8d7a-4b6c-9e5f-1a2b3c4d5e6f Correlation ID: 3f2d8a71-5b6c-4e0f-9a1b-2c3d4e5f6a7b","error_codes":[53003]}',
    'Mon Nov 23 2026 06:35:02 GMT+0000 (Coordinated Universal Time) <4120> -- info -- Teams: heartbeat 41 for alice@contoso.com on C:\\Users\\alice\\AppData\\Roaming\\Microsoft\\Teams',
    '2026-11-23T06:41:13.000000Z 0x00002a10 <WARN> TokenBroker: GET https://login.microsoftonline.com/common/oauth2/v2.0/authorize?client_id=5e3ce6c0-2b1f-4285-8d4b-75ee78787346&redirect_uri=ms-appx-web%3A%2F%2FMicrosoft.AAD.BrokerPlugin&state=a1b2',
    '[2026-11-23 06:41:12.345] [info]  window: page loaded 7 from 10.20.30.40 via proxy.corp.example:8080',
  ];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${lines[i % lines.length]}\n`;
  return out.slice(0, bytes);
}

function withSecrets(bytes) {
  const lines = [
    'POST /oauth2/v2.0/token grant_type=refresh_token&refresh_token=0.AXoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789&client_id=1',
    'Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoIn0.c2lnbmF0dXJl',
    '{\\"client_secret\\":\\"Q~8Xy.abcDEF123\\",\\"password\\":\\"Pl4nted!\\"} sig=abc%2Bdef%3D&se=2031-01-01',
    'Cookie: ESTSAUTH=0.AgAB-x_y; ESTSAUTHPERSISTENT=0.AgAB-z; fpc=AkX9 http://svc:p%40ss@proxy:8080',
  ];
  let out = '';
  for (let i = 0; out.length < bytes; i++) out += `${lines[i % lines.length]}\n`;
  return out.slice(0, bytes);
}

/** Hostile inputs: long runs that make a careless pattern try every split. */
const hostile = {
  'letters (e-mail local part, no @)': (n) => 'a'.repeat(n),
  'NO_PROXY-like list, no blanks': (n) => 'host-a.corp,host-b.corp,'.repeat(Math.ceil(n / 24)).slice(0, n),
  'password=password=… (keys, no value end)': (n) => 'password='.repeat(Math.ceil(n / 9)).slice(0, n),
  'an unterminated quoted value': (n) => `"password":"${'\\"'.repeat(n / 2)}`.slice(0, n),
  'percent signs and escapes': (n) => '%25%5C%22&amp;'.repeat(Math.ceil(n / 15)).slice(0, n),
  'user@user@user@… (no domain end)': (n) => 'user@'.repeat(Math.ceil(n / 5)).slice(0, n),
  'base64 without padding (opaque run)': (n) => 'Ab9+'.repeat(Math.ceil(n / 4)).slice(0, n),
};

async function loadBefore() {
  try {
    const source = execFileSync('git', ['show', `${BEFORE}:src/main/report/redact.ts`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const dir = 'node_modules/.cache/signin-doctor/bench';
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'redact-before.ts');
    writeFileSync(file, source);
    return (await loadTs(file, 'bench-redact-before')).Redactor;
  } catch {
    return undefined;
  }
}

export async function run() {
  const { Redactor } = await loadTs('src/main/common/redact/redactor.ts', 'bench-redact');
  const { redactSecrets } = await loadTs('src/main/common/redact/redact-text.ts', 'bench-redact-text');
  const Before = await loadBefore();
  const now = (text) => new Redactor({ includePersonal: false, home: 'C:\\Users\\alice', userNames: ['alice'] }).text(text);
  const before = Before ? (text) => new Before({ includePersonal: false, home: 'C:\\Users\\alice', userNames: ['alice'] }).text(text) : undefined;
  const perLine = (fn) => (text) => {
    for (const line of text.split('\n')) fn(line);
  };
  const mbps = (bytes, seconds) => {
    const v = bytes / 1e6 / seconds;
    return `${(v >= 1 ? fmt(v) : v.toPrecision(2)).padStart(8)} MB/s`;
  };

  console.log(`redactor: now = src/main/common/redact (all rules, decoded views, personal tier on); before = src/main/report/redact.ts at ${BEFORE}${Before ? '' : ' (not in this checkout: skipped)'}`);
  for (const [label, text] of [
    ['1 MB of Teams log lines, line by line', normalLog(1 << 20)],
    ['1 MB of lines full of secrets, line by line', withSecrets(1 << 20)],
  ]) {
    const a = time(() => perLine(now)(text));
    const b = before ? time(() => perLine(before)(text)) : undefined;
    console.log(`  ${label.padEnd(48)} now ${mbps(text.length, a)}${b ? `   before ${mbps(text.length, b)}` : ''}`);
  }
  const lines = normalLog(1 << 20);
  console.log(`  ${'1 MB of Teams log lines, secrets tier only'.padEnd(48)} now ${mbps(lines.length, time(() => perLine(redactSecrets)(lines)))}`);

  console.log('hostile input, one string (now: 64 KiB checked per string, the rest dropped; before: no bound):');
  for (const [label, make] of Object.entries(hostile)) {
    const cells = [];
    for (const n of [8_000, 32_000]) {
      const text = make(n);
      const a = time(() => now(text), 800);
      const b = before ? time(() => before(text), 800) : undefined;
      cells.push(`${fmt(n / 1000, 0).padStart(3)} KB: now ${mbps(n, a)}${b ? ` before ${mbps(n, b)}` : ''}`);
    }
    console.log(`  ${label.padEnd(44)} ${cells.join('   ')}`);
  }
  const big = hostile['letters (e-mail local part, no @)'](1 << 20);
  console.log(`  ${'1 MB of letters (bounded: 64 KiB checked)'.padEnd(44)} now ${fmt(time(() => now(big)) * 1000, 1)} ms per call`);
}
