// CLI commands of the network domain.
import type { Command } from '../command';

export const networkCommands: Command[] = [];
