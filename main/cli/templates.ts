// `gatelab templates [ID] [--json]`: the model zoo by family, or one template's options with their
// defaults — the keys `gatelab train --set KEY=VALUE` accepts.
import type { CliCommand } from '../cli';
import { TEMPLATES, canonicalTemplateId, defaultModelConfig, templateInfo, templateJsonSchema, type TemplateId } from '../../common/models';
import { DATA_SHAPED_FIELDS } from '../../common/runs/new-run-config';
import { slotKinds } from '../../common/runs/field-suggestions';
import { sayRefusal } from './json-refusal';

/** `a.b=value` lines of a default config, nested objects flattened (what --set model.a.b=... addresses). */
function flatten(value: unknown, prefix: string, out: string[]): string[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.push(`  ${prefix} = ${JSON.stringify(value)}`);
  return out;
}

interface Property {
  description?: string;
  enum?: unknown[];
}

/**
 * The options with no default but a fixed set of values (a fusion template's `task`): the defaults above
 * leave them out, so without these lines `--set task=regression` is nowhere to be found. Each is shown
 * with its values, the one used when it is not set (its description says which), and its description.
 * (Optional fields without choices, such as targetScale, are filled from the data, not set by users.)
 */
function optionalChoices(props: Record<string, Property>, config: Record<string, unknown>): string[] {
  return Object.entries(props)
    .filter(([key, p]) => !(key in config) && Array.isArray(p.enum) && p.enum.length > 1)
    .flatMap(([key, p]) => [
      `${key} (optional)${p.description ? `: ${p.description}` : ''}`,
      `  ${key} = ${p.enum!.map(String).join(' | ')}`,
    ]);
}

export const command: CliCommand = {
  summary: 'list the model templates, or show one template\'s options and defaults (ID [--json])',
  usage: "[ID]",
  options: [
    ["--json", "one JSON object on stdout (for scripts)"],
  ],
  async run(args) {
    const id = args.positionals[0];
    const json = args.options.json === true;
    if (!id) {
      if (json) { console.log(JSON.stringify(TEMPLATES)); return 0; }
      for (const family of ['forecasting', 'recsys', 'fusion'] as const) {
        console.log(`${family}:`);
        for (const t of TEMPLATES.filter((x) => x.family === family)) {
          console.log(`  ${t.id.padEnd(24)} ${t.description}${t.gates.length ? `  [gates: ${t.gates.join(', ')}]` : ''}`);
        }
      }
      console.log('\ngatelab templates ID shows a template\'s options; set them with gatelab train --set KEY=VALUE (e.g. --set gate.enabled=false)');
      return 0;
    }
    let info;
    try {
      info = templateInfo(canonicalTemplateId(id) ?? id); // `templates DLinear` is dlinear's
    } catch (e) {
      sayRefusal('templates', command, args, (e as Error).message);
      return 2;
    }
    // Data-shaped fields (channels, fields, modalities...) come from the dataset; placeholders let the defaults parse.
    const config = defaultModelConfig(info.id as TemplateId, {}) as Record<string, unknown>;
    if (json) { console.log(JSON.stringify({ ...info, defaults: config })); return 0; }
    console.log(`${info.id} (${info.family}): ${info.description}`);
    if (info.gates.length) console.log(`gates: ${info.gates.join(', ')} (e.g. --set ${info.gates[0]}.enabled=false for the ungated ablation)`);
    console.log('options and defaults:');
    // the fields its family's dataset fills in (its shape): the defaults shown for them are placeholders
    const fromData: readonly string[] = DATA_SHAPED_FIELDS[info.family];
    const props = ((templateJsonSchema(info.id as TemplateId) as { properties?: Record<string, Property> }).properties) ?? {};
    for (const [key, value] of Object.entries(config)) {
      if (key === 'template') continue;
      const note = fromData.includes(key) ? ' (from the dataset)' : '';
      const description = props[key]?.description;
      console.log(`${key}${note}${description ? `: ${description}` : ''}`);
      console.log(flatten(value, key, []).join('\n'));
      // a gate slot with several kinds: the others and the fields only they have (`router.k` is the top-k router's)
      const kinds = slotKinds(info.id, key);
      if (kinds.length > 1) {
        const current = (value as { kind?: unknown }).kind;
        const has = new Set(kinds.find((k) => k.kind === current)?.fields ?? []);
        console.log(`  (${key}.kind takes ${kinds.map((k) => k.kind).join(' | ')})`);
        for (const k of kinds.filter((x) => x.kind !== current)) {
          const own = k.fields.filter((f) => !has.has(f));
          console.log(`    with ${key}.kind=${k.kind}${own.length ? `: also ${own.map((f) => `${key}.${f}`).join(', ')}` : ''}`);
        }
      }
    }
    for (const line of optionalChoices(props, config)) console.log(line);
    return 0;
  },
};
