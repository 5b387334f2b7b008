// Builds the EngineContext the same way for the app, the CLI and the test harness.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HOLD_ENV } from './engine/test-hold';
import type { EngineContext } from './engine/types';
import { execFileSafe, type Exec } from './os/exec';
import { defaultStateDir, detectPlatform } from './os/platform';

export interface ContextOptions {
  env?: NodeJS.ProcessEnv;
  stateDir?: string;
  /** JSON config file (endpoints, NTP servers, proxies pointed at loopback, ...). */
  configFile?: string;
  config?: Record<string, unknown>;
  exec?: Exec;
  now?: () => Date;
}

export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * Environment switches for tests and for support staff reproducing a case from a checkout. The
 * installed app ignores them: anyone who can set a user's environment could otherwise move its
 * journal, swap its config or make it act as another OS behind a technician's back.
 */
export const TEST_ENV_SWITCHES = ['SIGNIN_DOCTOR_STATE_DIR', 'SIGNIN_DOCTOR_CONFIG', 'SIGNIN_DOCTOR_PLATFORM', HOLD_ENV] as const;

export function withoutTestSwitches(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const name of TEST_ENV_SWITCHES) delete copy[name];
  return copy;
}

export function loadConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read config ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { cause: error });
  }
  if (text.length > MAX_CONFIG_BYTES) throw new Error(`config ${path} is larger than 1 MB`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`config ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`config ${path} must be a JSON object`);
  return parsed as Record<string, unknown>;
}

export function createEngineContext(options: ContextOptions = {}): EngineContext {
  const env = options.env ?? process.env;
  const platform = detectPlatform(env);
  const configFile = options.configFile ?? env.SIGNIN_DOCTOR_CONFIG;
  const config = options.config ?? (configFile ? loadConfigFile(configFile) : {});
  return {
    platform,
    env,
    stateDir: resolve(options.stateDir ?? env.SIGNIN_DOCTOR_STATE_DIR ?? defaultStateDir(platform, env)),
    config,
    exec: options.exec ?? execFileSafe,
    now: options.now ?? (() => new Date()),
  };
}
