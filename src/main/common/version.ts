// Injected at build time (electron-vite define / esbuild define / vitest define).
declare const __APP_VERSION__: string;

export const APP_NAME = 'Sign-in Doctor';
export const APP_VERSION: string = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0-dev';
