// The Temporal Fusion Transformer's gates: the gated residual network and variable selection.
import { z } from 'zod';
import { enabledField } from './base';

export const GrnGate = z
  .object({
    kind: z.literal('grn'),
    enabled: enabledField('LayerNorm(a + η), the residual network without its GLU gate'),
    hidden: z.number().int().positive().max(4096).optional().describe('Hidden width of the GRN (default: the input width)'),
    dropout: z.number().min(0).lt(1).default(0.1).describe('Dropout before the GLU (TFT uses 0.1)'),
    context: z.boolean().default(false).describe('Whether a static context vector c enters through W3 (W3 c). Only for models that have a static context: tft-lite has none, so there this is ignored (leave it off)'),
  })
  .describe('Gated residual network: LayerNorm(a + GLU(W1·ELU(W2 a + W3 c + b2) + b1)) (TFT)');

export const VariableSelectionGate = z
  .object({
    kind: z.literal('variable-selection'),
    enabled: enabledField('the processed variables averaged with equal weights'),
    hidden: z.number().int().positive().max(4096).default(32).describe('Width each variable is embedded to and processed at'),
    dropout: z.number().min(0).lt(1).default(0.1).describe('Dropout inside the GRNs (TFT uses 0.1)'),
  })
  .describe('Variable selection: a softmax gate over input variables, each variable processed by its own GRN (TFT)');
