// CLI commands of the report domain.
import type { Command } from '../command';

export const reportCommands: Command[] = [];
