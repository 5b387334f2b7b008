// Builds inject __APP_VERSION__ at bundle time; under vitest the source runs unbundled, so the
// same global is set here from package.json.
import pkg from '../../package.json';

(globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = pkg.version;
