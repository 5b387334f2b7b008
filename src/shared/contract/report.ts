// Calls and events of the report domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const reportCalls = {} satisfies CallTable;
export const reportEvents = {} satisfies EventTable;
