// Errors that carry a contract error code, so IPC, HTTP and the CLI report them the same way.
import type { ErrorCode } from '../../shared/contract/define';

export class EngineError extends Error {
  override name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const badInput = (message: string) => new EngineError('bad-input', message);
export const notFound = (message: string) => new EngineError('not-found', message);
export const blocked = (message: string) => new EngineError('blocked', message);
export const conflict = (message: string) => new EngineError('conflict', message);
export const failed = (message: string) => new EngineError('failed', message);
