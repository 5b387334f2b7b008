// A stand-in Teams client for tests: started by absolute path (through the wrapper that
// stand-in-teams.ts writes), it appends the lines a real client writes to its log, in that
// client's format, when the test tells it to — a line on stdin, or a file cmd-<n> in --control DIR —
// and reports each write once it is on disk ("wrote <kind> <n>" on stdout, done-<n> in the control
// folder), so a test synchronises on the stand-in's own report, never on time.
//   node stand-in-teams-client.mjs --client new|classic|linux --log FILE [--control DIR]
// Commands: success | failure [CODE] [CORRELATION-ID] | info | old-failure SECONDS-AGO [CODE] | exit
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const client = opt('client') ?? 'new';
const log = opt('log');
const control = opt('control');
if (!log) throw new Error('--log FILE is required');
mkdirSync(dirname(log), { recursive: true });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n, w = 2) => String(n).padStart(w, '0');

/** The client's own timestamp: new Teams ISO UTC with microseconds, classic a JS Date string in UTC, teams-for-linux electron-log local time. */
function stamp(d) {
  if (client === 'new') return d.toISOString().replace('Z', '000Z');
  if (client === 'classic') return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p2(d.getUTCDate())} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT+0000 (Coordinated Universal Time)`;
  return `[${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}:${p2(d.getSeconds())}.${p2(d.getMilliseconds(), 3)}]`;
}

const CODES = { 53003: 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', 50173: 'The provided grant has expired due to it being revoked.', 700082: 'The refresh token has expired due to inactivity.' };

function line(kind, d, code = '53003', correlation = '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d') {
  const t = stamp(d);
  const text = CODES[code] ?? 'Sign-in failed.';
  if (client === 'new') {
    if (kind === 'info') return `${t} 0x00001f44 <INFO> CoreWebView: navigation completed in 31 ms`;
    if (kind === 'success') return `${t} 0x00002a10 <INFO> AuthenticationService: acquireToken succeeded for resource https://api.spaces.skype.com (silent: false)`;
    return `${t} 0x00002a10 <ERR> AuthenticationService: acquireToken failed: {"error":"interaction_required","error_description":"AADSTS${code}: ${text} Trace ID: 0b3c9f4e-8d7a-4b6c-9e5f-1a2b3c4d5e6f Correlation ID: ${correlation} Timestamp: ${d.toISOString().slice(0, 19).replace('T', ' ')}Z","error_codes":[${code}],"correlation_id":"${correlation}"}`;
  }
  if (client === 'classic') {
    if (kind === 'info') return `${t} <4120> -- info -- Teams: heartbeat`;
    if (kind === 'success') return `${t} <4120> -- event -- name: desktop_auth_login, status: success, scenario: 9d8c7b6a-0000-4000-8000-000000000001, scenarioName: desktop_auth_login`;
    return `${t} <4120> -- error -- Sign-in failed. ADAL: acquireToken failed: AADSTS${code}: ${text} Correlation ID: ${correlation}`;
  }
  if (kind === 'info') return `${t} [info]  window: page loaded`;
  if (kind === 'success') return `${t} [debug] [TOKEN_CACHE] Token refresh successful for https://graph.microsoft.com`;
  return `${t} [error] login: AADSTS${code}: ${text} Correlation ID: ${correlation}`;
}

let count = 0;
const eol = client === 'new' ? '\r\n' : '\n';
function write(kind, d, ...rest) {
  appendFileSync(log, line(kind, d, ...rest) + eol);
  count++;
  report(`wrote ${kind} ${count}`, count);
}
function report(text, n) {
  if (!control) process.stdout.write(`${text}\n`);
  else writeFileSync(join(control, n === undefined ? 'ready' : `done-${n}`), `${text}\n`);
}

function run(command) {
  const [kind, ...rest] = command.trim().split(/\s+/);
  if (!kind) return;
  if (kind === 'exit') process.exit(0);
  if (kind === 'old-failure') {
    const [ago, code] = rest;
    write('failure', new Date(Date.now() - Number(ago) * 1000), code);
  } else if (kind === 'success' || kind === 'info') write(kind, new Date());
  else if (kind === 'failure') write('failure', new Date(), ...rest);
  else process.stderr.write(`unknown command ${kind}\n`);
}

// What a client writes as it starts, before any sign-in.
appendFileSync(log, line('info', new Date()) + eol);
if (control) {
  mkdirSync(control, { recursive: true });
  report('ready');
  let next = 1;
  const tick = () => {
    for (;;) {
      const file = join(control, `cmd-${next}`);
      if (!existsSync(file)) break;
      run(readFileSync(file, 'utf8'));
      next++;
    }
  };
  setInterval(tick, 20);
} else {
  report('ready');
  createInterface({ input: process.stdin }).on('line', run).on('close', () => process.exit(0));
}
