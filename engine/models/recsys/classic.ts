// The CTR baselines: LR, DNN, DeepFM (Guo et al. 2017), DCN-V2 (Wang et al. 2021).
import type { TemplateOf } from '../../../common/models';
import type { Tensor } from '../../ir/tensor';
import { init } from '../../nn/init';
import { add, concat, matmul, mul, reduceSum, sub } from '../../ops/builders';
import { dense } from '../../gates';
import type { ModelDefinition } from '../../train/model';
import { mlp } from '../common';
import { ctrModel, flatten } from './common';

export const lrModel = (c: TemplateOf<'lr'>): ModelDefinition => ctrModel('lr', c, (_g, e) => e.firstOrder());

export const dnnModel = (c: TemplateOf<'dnn'>): ModelDefinition =>
  ctrModel('dnn', c, (g, e) => mlp(g.env, 'dnn', flatten(e, c.embeddingDim), c.hidden, c.dropout, 1));

/** FM pairwise term ½ Σ_d ((Σ_f e_fd)² − Σ_f e_fd²) → [B, 1] */
export function fmInteraction(e: Tensor): Tensor {
  const sum = reduceSum(e, [1]);
  return mul(reduceSum(sub(mul(sum, sum), reduceSum(mul(e, e), [1])), [1], true), 0.5);
}

export const deepFmModel = (c: TemplateOf<'deepfm'>): ModelDefinition =>
  ctrModel('deepfm', c, (g, e) =>
    add(add(e.firstOrder(), fmInteraction(e.embeddings)), mlp(g.env, 'dnn', flatten(e, c.embeddingDim), c.hidden, c.dropout, 1)));

export const dcnV2Model = (c: TemplateOf<'dcn-v2'>): ModelDefinition =>
  ctrModel('dcn-v2', c, (g, e, ctx) => {
    const x0 = flatten(e, c.embeddingDim);
    const d = e.count * c.embeddingDim;
    let x = x0;
    for (let l = 0; l < c.crossLayers; l++) {
      const w = ctx.param(`cross${l}.w`, [d, d], init.torchLinear(d));
      const b = ctx.param(`cross${l}.b`, [d], init.zeros());
      x = add(mul(x0, add(matmul(x, w), b)), x); // x_{l+1} = x0 ⊙ (W x_l + b) + x_l
    }
    if (c.structure === 'stacked') return mlp(g.env, 'dnn', x, c.hidden, c.dropout, 1);
    return dense(g.env, 'out', concat([x, mlp(g.env, 'dnn', x0, c.hidden, c.dropout)], 1), 1);
  });
