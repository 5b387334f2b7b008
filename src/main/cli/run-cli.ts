// Parses the command line and runs one command. Contract: with --json exactly one JSON document on
// stdout (human text on stderr); exit 0 = ran, 1 = a fix or undo failed, 2 = bad usage or input.
// Light at start: --version and --help load no domain, no service and no schema; a command loads
// its own run function (and with it its domain) and the service only when it runs.
import { CallFailure, UsageError, type CliIo, type CommandMeta, type CommandResult, type Invocation } from '../common/cli-command';
import { EngineError } from '../common/errors';
import { APP_NAME, APP_VERSION } from '../common/version';
import type { Service } from '../service';
import { checkedDomains } from '../domains';
import { ALL_COMMANDS, type CliCommand } from './commands';
import { helpText, commandHelp } from './help';

const GLOBAL_VALUE_FLAGS = new Set(['state-dir', 'config']);
const GLOBAL_BOOL_FLAGS = new Set(['json', 'help', 'version']);

interface Parsed {
  command?: string;
  args: string[];
  flags: Map<string, Array<string | true>>;
  global: { json: boolean; help: boolean; version: boolean; stateDir?: string; config?: string };
}

function parse(argv: readonly string[], commands: readonly CommandMeta[]): Parsed {
  const parsed: Parsed = { args: [], flags: new Map(), global: { json: false, help: false, version: false } };
  let command: CommandMeta | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.args.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
      if (GLOBAL_BOOL_FLAGS.has(name)) {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        parsed.global[name as 'json' | 'help' | 'version'] = true;
        continue;
      }
      if (GLOBAL_VALUE_FLAGS.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
        if (name === 'state-dir') parsed.global.stateDir = value;
        else parsed.global.config = value;
        continue;
      }
      if (!command) throw new UsageError(`unknown option --${name} (options go after the command)`);
      const spec = command.flags[name];
      if (!spec && !command.acceptsAnyFlag) throw new UsageError(`${command.name} has no option --${name} (see \`signin-doctor ${command.name} --help\`)`);
      let value: string | true = true;
      const takesValue = spec ? spec.value : inline !== undefined || (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--'));
      if (takesValue) {
        const next = inline ?? argv[++i];
        if (next === undefined) throw new UsageError(`--${name} needs a value`);
        value = next;
      } else if (inline !== undefined) {
        throw new UsageError(`--${name} takes no value`);
      }
      const list = parsed.flags.get(name) ?? [];
      if (list.length && spec && !spec.repeat) throw new UsageError(`--${name} given twice`);
      list.push(value);
      parsed.flags.set(name, list);
      continue;
    }
    if (!command && parsed.command === undefined) {
      parsed.command = arg;
      command = commands.find((c) => c.name === arg);
      if (!command) throw new UsageError(`unknown command "${arg}" (see \`signin-doctor --help\`)`);
      continue;
    }
    parsed.args.push(arg);
  }
  return parsed;
}

function emit(io: CliIo, json: boolean, result: CommandResult): void {
  if (json) {
    io.out(`${JSON.stringify(result.json, null, 2)}\n`);
    if (result.human) io.err(result.human);
  } else {
    io.out(result.human);
  }
}

export interface CliOptions {
  /** Run by the installed app (`--cli`): testing switches such as --state-dir are refused. */
  installed?: boolean;
}

export async function runCli(argv: readonly string[], io: CliIo, commands: readonly CliCommand[] = ALL_COMMANDS, options: CliOptions = {}): Promise<number> {
  let json = argv.includes('--json');
  let service: Promise<Service> | undefined;
  try {
    const parsed = parse(argv, commands);
    json = parsed.global.json;
    if (parsed.global.version) {
      emit(io, json, { exitCode: 0, json: { name: APP_NAME, version: APP_VERSION }, human: `${APP_VERSION}\n` });
      return 0;
    }
    const command = commands.find((c) => c.name === parsed.command);
    if (!command || parsed.global.help) {
      const text = command ? commandHelp(command) : helpText(commands);
      emit(io, json, { exitCode: command || parsed.global.help ? 0 : 2, json: { help: text }, human: text });
      return command || parsed.global.help ? 0 : 2;
    }
    const { stateDir, config } = parsed.global;
    if (stateDir && options.installed) throw new UsageError('--state-dir is a testing switch: the installed app keeps its journal and backups in its own folder');
    const open = () =>
      (service ??= Promise.all([import('../service'), import('../engine-context')]).then(([{ createService }, { createEngineContext }]) =>
        createService(createEngineContext({ env: io.env, ...(stateDir ? { stateDir } : {}), ...(config ? { configFile: config } : {}) })),
      ));
    const subscriptions: Array<() => void> = [];
    const inv: Invocation = {
      args: parsed.args,
      flags: parsed.flags,
      json,
      io,
      call: async (name, input) => (await open()).invoke(name, input),
      checkedDomains: checkedDomains(),
      subscribe: (listener) => {
        // Events only come from calls, so the service exists by the time one is emitted.
        let off: (() => void) | undefined;
        let cancelled = false;
        void open().then((s) => {
          if (!cancelled) off = s.subscribe(listener);
        }, () => undefined);
        const unsubscribe = () => {
          cancelled = true;
          off?.();
        };
        subscriptions.push(unsubscribe);
        return unsubscribe;
      },
    };
    const run = await command.load();
    const result = await run(inv);
    for (const off of subscriptions) off();
    emit(io, json, result);
    return result.exitCode;
  } catch (error) {
    const { code, exitCode, message } = classify(error);
    if (json) io.out(`${JSON.stringify({ error: { code, message } }, null, 2)}\n`);
    io.err(`signin-doctor: ${message}\n`);
    return exitCode;
  } finally {
    if (service) await service.then((s) => s.close(), () => undefined);
  }
}

function classify(error: unknown): { code: string; exitCode: 1 | 2; message: string } {
  if (error instanceof UsageError) return { code: 'usage', exitCode: 2, message: error.message };
  if (error instanceof CallFailure) return { code: error.code, exitCode: error.exitCode, message: error.message };
  if (error instanceof EngineError) {
    const usage = error.code === 'bad-input' || error.code === 'not-found';
    return { code: error.code, exitCode: usage ? 2 : 1, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  // Errors before any change (unreadable config, bad SIGNIN_DOCTOR_PLATFORM) are bad input.
  return { code: 'failed', exitCode: /config|SIGNIN_DOCTOR_PLATFORM/.test(message) ? 2 : 1, message };
}
