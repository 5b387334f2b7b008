// Where `electron-builder --dir` put the app for this OS, by electron-builder's own naming:
// <release>/<mac|linux|win><-arch unless x64>[-unpacked unless mac]/, holding
//   Linux   <linux.executableName>          (resources/app.asar)
//   Windows <productName>.exe                (resources/app.asar)
//   macOS   <productName>.app/Contents/MacOS/<productName>   (Contents/Resources/app.asar;
//           its fuses live in Contents/Frameworks/Electron Framework.framework)
// Used by scripts/read-fuses.mjs and the Electron tests' launcher (test/electron/run.mjs).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** productName (package.json, as electron-builder.yml may override it) and the Linux executable name. */
export function packagedAppNames(root) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) ?? {};
  const productName = config.productName ?? pkg.productName ?? pkg.name;
  return { productName, linuxExecutableName: config.linux?.executableName ?? String(pkg.name).toLowerCase() };
}

/** The folder names electron-builder --dir uses for this OS and CPU, most likely first. */
export function unpackedDirNames(platform, arch) {
  const suffix = arch === 'x64' ? '' : `-${arch}`;
  if (platform === 'darwin') return [`mac${suffix}`, 'mac-universal'];
  if (platform === 'win32') return [`win${suffix}-unpacked`];
  return [`linux${suffix}-unpacked`];
}

/**
 * @returns {{ dir: string, executable: string, fuseTarget: string, asar: string } | undefined}
 *   executable: what to run; fuseTarget: what @electron/fuses reads (the .app on macOS).
 */
export function findPackagedApp(releaseDir, names, platform = process.platform, arch = process.arch) {
  for (const name of unpackedDirNames(platform, arch)) {
    const dir = join(releaseDir, name);
    let app;
    if (platform === 'darwin') {
      const bundle = join(dir, `${names.productName}.app`);
      app = { dir, executable: join(bundle, 'Contents', 'MacOS', names.productName), fuseTarget: bundle, asar: join(bundle, 'Contents', 'Resources', 'app.asar') };
    } else {
      const executable = join(dir, platform === 'win32' ? `${names.productName}.exe` : names.linuxExecutableName);
      app = { dir, executable, fuseTarget: executable, asar: join(dir, 'resources', 'app.asar') };
    }
    if (existsSync(app.executable)) return app;
  }
  return undefined;
}
