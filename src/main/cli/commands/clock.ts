// CLI commands of the clock domain.
import type { Command } from '../command';

export const clockCommands: Command[] = [];
