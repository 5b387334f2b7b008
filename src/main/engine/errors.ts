// The engine's errors live in src/main/common/errors.ts (os/ and every domain throw them too).
export * from '../common/errors';
