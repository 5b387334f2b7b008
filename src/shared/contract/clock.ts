// Calls and events of the clock domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const clockCalls = {} satisfies CallTable;
export const clockEvents = {} satisfies EventTable;
