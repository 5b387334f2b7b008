// Types of packaged-app.mjs for the TypeScript tests.
export interface PackagedAppNames {
  productName: string;
  linuxExecutableName: string;
}

export interface PackagedApp {
  dir: string;
  /** What to run. */
  executable: string;
  /** What @electron/fuses reads: the executable, or the .app on macOS. */
  fuseTarget: string;
  asar: string;
}

export function packagedAppNames(root: string): PackagedAppNames;
export function unpackedDirNames(platform: string, arch: string): string[];
export function findPackagedApp(releaseDir: string, names: PackagedAppNames, platform?: string, arch?: string): PackagedApp | undefined;
