// Types of electron-binary.mjs for the TypeScript tests.
export type ElectronBinary = { found: true; path: string } | { found: false; path: string | undefined; why: string };

export function resolveElectronBinary(options: { packageDir: string; env?: Record<string, string | undefined> }): ElectronBinary;
