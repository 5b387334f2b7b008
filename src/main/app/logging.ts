// The app's log: electron-log's Node logger writing a rotated file in the OS log folder
// (app.getPath('logs'), passed in by main.ts). A hook redacts every message before ANY transport
// sees it, so tokens, "Bearer ..." headers and passwords never reach the file or the console.
// The Node flavour (not electron-log/main) on purpose: no IPC channel from renderers into the log,
// no preload injected into our sandboxed window.
import { renameSync, rmSync } from 'node:fs';
import { join, parse } from 'node:path';
import nodeLog from 'electron-log/node';
import type { Hook, LogFile, LogMessage, NodeLogger } from 'electron-log';
import { redactSecrets } from '../common/redact/redact-text';
import { isSecretKeyName } from '../common/redact/secret-rules';

export const LOG_FILE_NAME = 'main.log';
export const LOG_MAX_BYTES = 1024 * 1024;
/** Rotated files kept beside main.log: main.1.log (newest) ... main.3.log. */
export const LOG_ARCHIVES = 3;

const MAX_DEPTH = 8;

// The same rules as the support bundle's secret tier (src/main/common/redact): decoded views,
// named rules, a bound on what one string may cost.
const secrets = redactSecrets;
const secretKey = (key: string) => Boolean(key) && isSecretKeyName(key);

/** A copy of a logged value with every secret removed: strings, errors, objects, arrays, cycles. */
export function redactLogValue(value: unknown, key = '', seen = new WeakSet<object>(), depth = 0): unknown {
  if (typeof value === 'string') return secretKey(key) ? '[removed: secret]' : secrets(value);
  if (value === null || typeof value !== 'object') {
    // A secret under a secret-looking key is dropped whatever its type (a numeric PIN).
    return secretKey(key) && value !== undefined && typeof value !== 'boolean' ? '[removed: secret]' : value;
  }
  if (secretKey(key)) return '[removed: secret]';
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (value instanceof Error) {
    const copy = new Error(secrets(value.message));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : secrets(value.stack);
    if (value.cause !== undefined) copy.cause = redactLogValue(value.cause, 'cause', seen, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactLogValue(item, key, seen, depth + 1));
  if (value instanceof Map) return redactLogValue(Object.fromEntries(value), key, seen, depth);
  if (value instanceof Set) return redactLogValue([...value], key, seen, depth);
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[secrets(k)] = redactLogValue(v, k, seen, depth + 1);
  return out;
}

/** The electron-log hook: runs for every transport before it formats anything. */
export const redactHook: Hook = (message: LogMessage) => ({
  ...message,
  data: message.data.map((item) => redactLogValue(item)),
  ...(message.scope ? { scope: secrets(message.scope) } : {}),
});

/** Keeps LOG_ARCHIVES old files: main.log -> main.1.log -> main.2.log -> ... (the oldest is dropped). */
export function rotateLogFile(file: Pick<LogFile, 'path'>, keep = LOG_ARCHIVES): void {
  const { dir, name, ext } = parse(file.path);
  const archive = (n: number) => join(dir, `${name}.${n}${ext}`);
  rmSync(archive(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(archive(n), archive(n + 1));
    } catch {
      // that archive does not exist yet
    }
  }
  renameSync(file.path, archive(1));
}

export interface AppLoggerOptions {
  /** The OS log folder: app.getPath('logs') in the app, a temp folder in tests. */
  logsDir: string;
  maxBytes?: number;
  /** Lowest level written to the file (default info: no debug noise in users' logs). */
  level?: 'error' | 'warn' | 'info' | 'verbose' | 'debug';
}

export function createAppLogger(options: AppLoggerOptions): NodeLogger {
  const logger = nodeLog.create({ logId: `signin-doctor:${options.logsDir}` }) as NodeLogger;
  logger.hooks.push(redactHook);
  const file = logger.transports.file;
  file.level = options.level ?? 'info';
  file.maxSize = options.maxBytes ?? LOG_MAX_BYTES;
  file.resolvePathFn = () => join(options.logsDir, LOG_FILE_NAME);
  file.archiveLogFn = (old) => rotateLogFile(old);
  // Readable by the user only (electron-log's default is 0o666 minus umask).
  file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  logger.transports.console.level = 'warn';
  // No IPC or network transport (the Node flavour may not create them at all).
  for (const name of ['ipc', 'remote'] as const) {
    const transport = logger.transports[name] as { level: unknown } | undefined;
    if (transport) transport.level = false;
  }
  return logger;
}
