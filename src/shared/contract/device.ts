// Calls and events of the device domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const deviceCalls = {} satisfies CallTable;
export const deviceEvents = {} satisfies EventTable;
