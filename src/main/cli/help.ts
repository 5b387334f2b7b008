// --help text: commands by group, then the global and testing switches.
import { APP_NAME, APP_VERSION } from '../common/version';
import type { CommandMeta as Command } from '../common/cli-command';

const GROUPS: Array<[NonNullable<Command['group']>, string]> = [
  ['main', 'Understand and check'],
  ['domain', 'Focused checks'],
  ['repair', 'Repairs (previewed, backed up, journaled, undoable)'],
];

export function helpText(commands: readonly Command[]): string {
  const lines = [`${APP_NAME} ${APP_VERSION}: explains Microsoft 365 / Teams sign-in errors and repairs what is local.`, '', 'Usage: signin-doctor <command> [options] [--json]', ''];
  for (const [group, title] of GROUPS) {
    const inGroup = commands.filter((c) => (c.group ?? 'domain') === group);
    if (!inGroup.length) continue;
    lines.push(`${title}:`);
    for (const c of inGroup) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
    lines.push('');
  }
  lines.push(
    'Options:',
    '  --json             print exactly one JSON document on stdout (human text goes to stderr)',
    '  --config FILE      JSON config (endpoints, NTP servers, proxies); also SIGNIN_DOCTOR_CONFIG (not in the installed app)',
    '  --help, --version',
    '',
    'Exit codes: 0 ran (whatever it found), 1 a fix or undo failed, 2 bad usage or bad input.',
    '',
    'Testing (from a checkout only; the installed app ignores these):',
    '  --state-dir DIR    where the journal and backups live (default: the OS app-data folder)',
    '  SIGNIN_DOCTOR_STATE_DIR=DIR   the same, from the environment',
    '  SIGNIN_DOCTOR_PLATFORM=win32|darwin|linux   act as that OS for path discovery (uses APPDATA,',
    '                     LOCALAPPDATA, USERPROFILE, HOME)',
    '  SIGNIN_DOCTOR_TEST_HOLD_AT=N   name each repair event on stderr and stop for good at the Nth',
    '                     (crash tests kill the process there)',
    '  config {"device":{"root":DIR}}   look for device-management files under DIR instead of /',
    '',
    'Run `signin-doctor <command> --help` for a command\'s options.',
  );
  return `${lines.join('\n')}\n`;
}

export function commandHelp(command: Command): string {
  const lines = [`${command.summary}.`, '', 'Usage:', ...command.usage.map((u) => `  signin-doctor ${u}`)];
  const flags = Object.entries(command.flags);
  if (flags.length) {
    lines.push('', 'Options:');
    for (const [name, spec] of flags) lines.push(`  --${(name + (spec.value ? ' VALUE' : '')).padEnd(20)} ${spec.help}`);
  }
  lines.push('  --json                 one JSON document on stdout');
  return `${lines.join('\n')}\n`;
}
