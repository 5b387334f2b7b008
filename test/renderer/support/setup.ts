// Component tests: unmount what a test rendered, remove its fake bridge, and fail the test when
// the renderer broke the contract (an input the service refuses, a call nobody answered).
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { uninstallFakeBridge } from './fake-bridge';

afterEach(() => {
  cleanup();
  const problems = uninstallFakeBridge();
  if (problems.length) throw new Error(`fake bridge: ${problems.join('; ')}`);
});
