// What a run's model needs in memory, from the symbolic graph of one sample (no weights are allocated):
// its parameters, the activation values a training step keeps per sample, and for a channel-independent
// forecaster the same of its channel-mixing variant, the other way to fit (common/models/size-estimate.ts
// compares them with the machine). Shared by the lab's check before queueing and the trainer's backstop.
import type { MemoryNeeds } from '../../common/models/size-estimate';
import { modelSize } from '../models/index';

/** `model`: a parsed template config with its data-shaped fields (channels, fields, modalities) filled in. */
export function memoryNeeds(model: Record<string, unknown>): MemoryNeeds {
  const size = modelSize(model);
  const needs: MemoryNeeds = { params: size.params, activationsPerSample: size.activationsPerSample };
  if (model.mode === 'channel-independent') {
    const mixing = modelSize({ ...model, mode: 'channel-mixing' });
    needs.channelMixing = { params: mixing.params, activationsPerSample: mixing.activationsPerSample };
  }
  return needs;
}
