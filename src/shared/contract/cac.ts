// Calls and events of the cac domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const cacCalls = {} satisfies CallTable;
export const cacEvents = {} satisfies EventTable;
