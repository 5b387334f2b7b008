// Child process for crash tests: applies (or undoes) the test move fix with a pause after every
// journal write, so the parent can kill -9 it at any instant.
import { Runner } from '../../src/main/engine/runner';
import { fsSteps } from '../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../src/main/engine-context';
import { moveFilesFix } from './move-files-fix';

const [stateDir, target, action, delay] = process.argv.slice(2) as [string, string, string, string];
const runner = new Runner({
  ctx: createEngineContext({ stateDir, env: { SIGNIN_DOCTOR_TEST_STEP_DELAY_MS: delay } }),
  fixes: [moveFilesFix],
  steps: fsSteps,
});
const work = action === 'apply' ? runner.apply('explain.test-move', { dir: target }) : runner.undo(target);
void work.then((record) => process.stdout.write(`${record.status}\n`));
