// Types of read-fuses.mjs for the TypeScript tests.
/** What @electron/fuses getCurrentFuseWire returns: the wire version and one state byte per fuse index. */
export type FuseWire = { version: string } & Record<number, number>;

export interface FuseRow {
  name: string;
  actual: string;
  expected: 'on' | 'off' | undefined;
}

export function fuseNames(): Array<{ index: number; name: string }>;
export function configuredFuses(builderYaml: string): Map<string, boolean>;
export function documentedFuses(readme: string): Map<string, boolean>;
export function checkFuses(wire: FuseWire, configured: Map<string, boolean>, documented: Map<string, boolean>): { rows: FuseRow[]; problems: string[] };
export function fuseTargetOf(app: string, root?: string): string | undefined;
export function main(argv: string[], io?: { out(s: string): void; err(s: string): void }): Promise<number>;
