// Building blocks of the contract: a call is an input schema, an output schema and one line of doc.
import { z } from 'zod';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  doc: string;
}

export function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string): CallSpec<I, O> {
  return { input, output, doc };
}

export type CallTable = Record<string, CallSpec>;
export type EventTable = Record<string, z.ZodType>;

export const ErrorCodeSchema = z.enum([
  'bad-input', // the input failed validation; the handler never ran
  'unknown-call',
  'forbidden', // wrong sender / origin / token
  'not-found',
  'conflict', // e.g. undo would overwrite something new
  'blocked', // a precondition is not met (app running, admin needed)
  'failed', // the handler ran and failed
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CallErrorSchema = z.object({ code: ErrorCodeSchema, message: z.string() });
export type CallError = z.infer<typeof CallErrorSchema>;

export type CallResult<T> = { ok: true; value: T } | { ok: false; error: CallError };
