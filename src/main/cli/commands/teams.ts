// CLI commands of the teams domain.
import type { Command } from '../command';

export const teamsCommands: Command[] = [];
