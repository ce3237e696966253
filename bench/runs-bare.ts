// The bare engine loop of `npm run bench:runs`, run in a fresh process (like a trainer) so that the
// comparison measures the run manager, not process warm-up: compile, session, the same data order and
// batches, per-epoch validation and the final test evaluation, nothing else. Prints one JSON Measure.
// Usage: node --import tsx bench/runs-bare.ts EPOCHS K
import { parseRunConfig } from '../common/runs/config';
import { learningRates } from '../common/runs/schedule';
import { compileTraining } from '../engine/train/compile';
import { gatedModel } from '../engine/train/gated-model';
import { TrainSession } from '../workers/train-session';
import { DataOrder } from '../workers/run/data-order';
import { gatherBatches, syntheticData } from '../workers/run/run-data';
import { optimizerFor } from '../workers/run/model-for';
import { evaluateSplit } from '../workers/run/evaluate';
import { runConfig, type Measure } from './runs-config';

/** The bare engine loop: the same compile, session, data order, batches and per-epoch validation, nothing else. */
async function bare(epochs: number, K: number): Promise<Measure> {
  const config = parseRunConfig(runConfig(epochs, K));
  const def = gatedModel({ inputs: 32, hidden: 256, experts: 4, expertHidden: 64 });
  const compiled = compileTraining(def, { dtype: 'float32', optimizer: optimizerFor(config), batchSize: config.batchSize });
  const session = await TrainSession.open(compiled, compiled.initialParams(config.seed));
  const data = syntheticData({ ...config, data: config.data as never }, 32);
  const order = new DataOrder(data.train.rows, config.batchSize, config.seed);
  const total = epochs * order.stepsPerEpoch;
  const c0 = process.cpuUsage(); // from after the session is open, like the trainer's 'ready'
  const t0 = performance.now();
  for (let e = 0; e < epochs; e++) {
    while (order.remainingInEpoch > 0) {
      const k = Math.min(K, order.remainingInEpoch);
      await session.trainSteps(gatherBatches(data.train, order.take(k), config.batchSize), learningRates(config.optimizer.lr, config.schedule, session.step, k, total));
    }
    order.nextEpoch();
    await evaluateSplit(session, data, data.validation);
  }
  await evaluateSplit(session, data, data.test);
  const c = process.cpuUsage(c0);
  const m = { steps: total, wallMs: performance.now() - t0, cpuMs: (c.user + c.system) / 1000 };
  await session.close();
  return m;
}


const [epochs, k] = process.argv.slice(2).map(Number);
console.log(JSON.stringify(await bare(epochs, k)));
