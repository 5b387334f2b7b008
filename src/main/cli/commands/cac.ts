// CLI commands of the cac domain.
import type { Command } from '../command';

export const cacCommands: Command[] = [];
