// Calls and events of the network domain. Each entry: name -> call(input schema, output schema, doc).
import type { CallTable, EventTable } from './define';

export const networkCalls = {} satisfies CallTable;
export const networkEvents = {} satisfies EventTable;
