// Electron main process: the only place that imports electron. It wires the shared service to
// IPC, serves the renderer over app://, and applies the security guards before any window exists.
// The crash reporter is never started (crashReporter.start is not called): no dumps leave the
// machine unless a future opt-in setting says so.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createEngineContext, withoutTestSwitches } from '../engine-context';
import { createService } from '../service';
import { handleAppProtocol, registerAppScheme } from './app-protocol';
import { cliArguments, runCliMode } from './cli-mode';
import { debuggingSwitch } from './debug-switches';
import { installAppGuards, openExternalSafely } from './hardening';
import { registerIpc } from './ipc';
import { createAppLogger } from './logging';
import { createMainWindow } from './window';

registerAppScheme();
app.enableSandbox();

// The installed app ignores test switches (state folder, config, platform, crash-test hold).
const packaged = app.isPackaged;
const cliArgs = cliArguments(process.argv, packaged);
const refused = packaged ? debuggingSwitch(process.argv) : undefined;
if (refused) {
  process.stderr.write(`Sign-in Doctor: the installed app does not accept ${refused}\n`);
  app.exit(2);
} else if (cliArgs) {
  void runCliMode(cliArgs, packaged);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let window: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  void app.whenReady().then(async () => {
    installAppGuards();
    app.setAppLogsPath(); // the OS default: ~/Library/Logs/<name> on macOS, <userData>/logs elsewhere
    const log = createAppLogger({ logsDir: app.getPath('logs') });
    log.info(`Sign-in Doctor ${app.getVersion()} starting on ${process.platform} ${process.arch}`);
    app.on('render-process-gone', (_event, _contents, details) => log.error('renderer gone', details.reason, details.exitCode));
    app.on('child-process-gone', (_event, details) => log.error('child process gone', details.type, details.reason, details.exitCode));
    handleAppProtocol(join(__dirname, '../renderer'));
    const service = createService(createEngineContext({ env: packaged ? withoutTestSwitches(process.env) : process.env }), {
      openExternal: openExternalSafely,
      resolveProxy: (url) => session.defaultSession.resolveProxy(url),
      chooseSavePath: async (defaultName) => {
        const result = await dialog.showSaveDialog({ defaultPath: defaultName, filters: [{ name: 'Zip archive', extensions: ['zip'] }] });
        return result.canceled ? undefined : result.filePath;
      },
      chooseOpenPath: async (title) => {
        const result = await dialog.showOpenDialog({ title, properties: ['openFile'] });
        return result.canceled ? undefined : result.filePaths[0];
      },
    });
    // Loads every domain through the one list (the GUI needs them all), then prunes old backups.
    await service.runner().then((r) => r.prune()).catch(() => undefined);
    window = createMainWindow(join(__dirname, '../preload'));
    const unregister = registerIpc(service, () => window?.webContents);
    window.on('closed', () => {
      window = undefined;
    });
    app.on('before-quit', () => {
      unregister();
      void service.close();
    });
  });

  app.on('window-all-closed', () => app.quit());
}
