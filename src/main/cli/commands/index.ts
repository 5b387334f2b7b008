// Every CLI command, in the order --help lists them.
import type { Command } from '../command';
import { coreCommands } from './core';
import { teamsCommands } from './teams';
import { cacCommands } from './cac';
import { clockCommands } from './clock';
import { networkCommands } from './network';
import { deviceCommands } from './device';
import { reportCommands } from './report';

export const ALL_COMMANDS: Command[] = [
  ...coreCommands,
  ...teamsCommands,
  ...cacCommands,
  ...clockCommands,
  ...networkCommands,
  ...deviceCommands,
  ...reportCommands,
];
