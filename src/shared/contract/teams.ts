// Calls and events of the teams domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const teamsCalls = {} satisfies CallTable;
export const teamsEvents = {} satisfies EventTable;
