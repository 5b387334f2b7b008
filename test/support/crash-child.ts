// Child process for crash tests: applies (or undoes) the test move fix and reports every runner
// event on stdout ("event 7 journal-write"). Given a hold point it stops for good at that event,
// after printing "held 7", so the parent can kill -9 it exactly there; with hold 0 it runs to the
// end and prints "done <status>" (the parent counts the events of a whole run that way).
import { Runner } from '../../src/main/engine/runner';
import { fsSteps } from '../../src/main/engine/steps/fs-steps';
import { createEngineContext } from '../../src/main/engine-context';
import { moveFilesFix } from './move-files-fix';

const [stateDir, target, action, holdRaw] = process.argv.slice(2) as [string, string, 'apply' | 'undo', string];
const hold = Number(holdRaw);
const runner = new Runner({
  ctx: createEngineContext({ stateDir, env: {} }),
  fixes: [moveFilesFix],
  steps: fsSteps,
  probe: async (event) => {
    process.stdout.write(`event ${event.count} ${event.kind}\n`);
    if (event.count !== hold) return;
    process.stdout.write(`held ${hold}\n`);
    await new Promise<never>(() => setInterval(() => undefined, 60_000));
  },
});
const work = action === 'apply' ? runner.apply('explain.test-move', { dir: target }) : runner.undo(target);
void work.then((record) => process.stdout.write(`done ${record.status}\n`));
