// The lab names the LabApi channel a refusal came from ("splits.create: The ETT split needs 20 months…"):
// useful in the CLI and logs, but in the app it reads as an internal method name beside the button the
// user pressed ("Create split: splits.create: …"). The UI's LabApi drops that prefix from every error it
// hands to views, once, here; uiHint drops it too for messages that reached a view some other way.
//
// The lab's advice also names config fields the CLI's way ("What fits this split: horizon ≤ 60 with
// lookback 336 (--set model.horizon=60)"): in the app it says the form's labels ("set Horizon to 60"),
// and the error keeps which fields it advised (`advice`), so a form can show the advice beside them.
//
// Its commonest CLI hints ("cancel it (gatelab cancel 15)", "(gatelab runs lists them)") name the view or
// button that does the same in the app; the rest of the message is kept. (ui-hints.ts words the rarer,
// view-specific ones, after these: each hint is worded in one of the two files, never in both.)
import { z } from 'zod';
import { isRequestChannel, LabError, type LabApi, type LabErrorCode } from '../../common/lab-api';
import { TEMPLATES, templateJsonSchema } from '../../common/models';
import { TrainingSettings } from '../stores/run-form';
import { configPathLabel, setAdvice, setFlagsInWords, type SetAdvice } from './field-labels';
import type { JsonSchema } from './json-schema';

/** "splits.create: The ETT split needs…" → "The ETT split needs…"; only real channel names are dropped. */
export function withoutChannel(message: string): string {
  const m = /^([a-z][A-Za-z]*\.[A-Za-z.]+): /.exec(message);
  return m && isRequestChannel(m[1]) ? message.slice(m[0].length) : message;
}

/** A lab error in the app's words, with the form fields its `--set` advice named (their labels and values). */
export class PlainLabError extends LabError {
  constructor(code: LabErrorCode, message: string, readonly advice: readonly SetAdvice[]) {
    super(code, message);
  }
}

let schemas: JsonSchema[] | null = null;
/** Where a `--set` key's label is looked up: the Training settings, then every template (their fields share labels). */
function configSchemas(): JsonSchema[] {
  schemas ??= [
    z.toJSONSchema(TrainingSettings, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    ...TEMPLATES.map((t) => templateJsonSchema(t.id) as JsonSchema),
  ];
  return schemas;
}

/** The label the Models form gives a `--set` key ("embeddingDim" → "Embedding width", "optimizer.lr" → its Training label). */
export function formFieldLabel(path: string): string {
  return configPathLabel(path.replace(/^model\./, ''), configSchemas());
}

/** CLI hints any lab error may carry (grep main/lab for "(gatelab "), and what does the same in the app. */
const CLI_HINTS: [RegExp, string][] = [
  [/([Rr])esume it: gatelab resume \d+/g, '$1esume it with the Resume button'],
  [/continue with: gatelab resume \d+/g, 'continue with the Resume button'],
  [/\(gatelab cancel \d+\)/g, '(the Cancel button in Runs)'],
  [/\(gatelab delete \d+\)/g, '(in Runs)'],
  [/\(gatelab runs lists them\)/g, '(Runs lists them)'],
  [/\(gatelab datasets delete \d+\)/g, '(in Datasets)'],
  [/\(gatelab datasets lists them\)/g, '(Datasets lists them)'],
  [/gatelab datasets show \S+ lists the (?:splits of dataset \d+|dataset's splits)/g, 'the dataset in Datasets lists its splits'],
  [/\(gatelab datasets show \d+ (says which|names it)\)/g, '(the dataset in Datasets $1)'],
  [/\(gatelab datasets show ID\)/g, '(in Datasets → Schema)'],
  // a dataset kept for a run whose stored row is damaged (registry.ts delete): Runs names that run in a note
  // under its list; restoring the row's file is done outside the app, so the terminal command stays, said as one
  [/\(gatelab show (\d+) says what is damaged and how to restore it\)/g, '(the note under the list in Runs says what is damaged; in a terminal, gatelab show $1 says how to restore it)'],
  [/gatelab templates (\S+) lists its fields(?: and defaults)?/g, 'the Models form lists the fields of $1 and their defaults'],
];

/**
 * A call this app makes that the lab answering it does not know (dispatch.ts: "'analytics.knockoutChoices'
 * is not a LabApi channel"): the lab is a `gatelab serve` (or app) started before an update and still
 * running. The channel's name tells a user nothing; what to do does. A name this app does not call either
 * keeps the lab's words (a bug, not an old lab).
 */
const UNKNOWN_CHANNEL = /^'([^']+)' is not a LabApi channel$/;
export const OLDER_LAB = 'this lab is older than the app: restart gatelab serve (or the app)';

/** A lab message in the app's words: no channel prefix, CLI hints said as the app's views, `--set` flags with the form's labels. */
export function inAppWords(message: string): string {
  const unknown = UNKNOWN_CHANNEL.exec(message);
  if (unknown && isRequestChannel(unknown[1])) return OLDER_LAB;
  let plain = withoutChannel(message);
  if (plain.includes('gatelab ')) for (const [re, to] of CLI_HINTS) plain = plain.replace(re, to);
  return plain.includes('--set') ? setFlagsInWords(plain, configSchemas()) : plain;
}

/** The same error as a LabError in the app's words (its code is kept; `advice` names the fields its `--set` flags did). */
export function plainLabError(e: unknown): LabError {
  const err = LabError.from(e);
  if (err instanceof PlainLabError) return err;
  const message = inAppWords(err.message);
  if (message === err.message) return err;
  const advice = err.message.includes('--set') ? setAdvice(err.message, configSchemas()) : [];
  return new PlainLabError(err.code, message, advice);
}

/** `api` whose rejected invokes carry plain messages; events pass through untouched. */
export function speakingPlainly(api: LabApi): LabApi {
  return {
    invoke: (channel, payload) => api.invoke(channel, payload).catch((e: unknown) => { throw plainLabError(e); }),
    on: (event, listener) => api.on(event, listener),
  };
}
