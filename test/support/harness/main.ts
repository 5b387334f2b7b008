// `npm run harness`: start the harness and print its URL (Ctrl+C stops it).
import { startHarness } from './server';

const stateDir = process.argv[2];
void startHarness(stateDir ? { stateDir } : {}).then((h) => {
  process.stdout.write(`Sign-in Doctor harness: ${h.url}\n`);
  process.on('SIGINT', () => void h.close().then(() => process.exit(0)));
});
