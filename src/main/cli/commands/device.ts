// CLI commands of the device domain.
import type { Command } from '../command';

export const deviceCommands: Command[] = [];
