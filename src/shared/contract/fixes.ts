// Every fix id's options schema, from the domains' contract files. The GUI and the CLI pass typed
// options (`FixOptionsInput<'teams.cache-clear'>`): a misspelt option is a type error. On the wire
// (fix.plan) options stay a flat record of strings, numbers and booleans; the fix parses them with
// this same schema.
import type { z } from 'zod';
import { cacFixOptions } from './cac';
import { clockFixOptions } from './clock';
import { explainFixOptions } from './explain';
import { networkFixOptions } from './network';
import { teamsFixOptions } from './teams';

export const fixOptionSchemas = {
  ...explainFixOptions,
  ...teamsFixOptions,
  ...cacFixOptions,
  ...clockFixOptions,
  ...networkFixOptions,
} as const;
export type FixOptionSchemas = typeof fixOptionSchemas;
export type FixId = keyof FixOptionSchemas & string;
/** What a caller passes (CLI strings such as "true" are accepted where the schema says so). */
export type FixOptionsInput<F extends FixId> = z.input<FixOptionSchemas[F]>;
/** What the fix gets after parsing. */
export type FixOptions<F extends FixId> = z.output<FixOptionSchemas[F]>;
/** Options as they travel in fix.plan (a flat record). */
export type WireFixOptions = Record<string, string | number | boolean>;

export function isFixId(id: string): id is FixId {
  return Object.prototype.hasOwnProperty.call(fixOptionSchemas, id);
}

export function fixOptionsSchemaFor(id: string): z.ZodType | undefined {
  return isFixId(id) ? fixOptionSchemas[id] : undefined;
}

/** fix.plan's input for one fix, typed by its id. */
export function fixPlanInput<F extends FixId>(fixId: F, options: FixOptionsInput<F>): { fixId: F; options: WireFixOptions } {
  return { fixId, options: options as WireFixOptions };
}
