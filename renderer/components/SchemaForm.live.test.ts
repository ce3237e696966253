// What a new user met in the gate and hyperparameter forms: the gate's scale box was labelled "Scale" while
// its message and the launch bar called it "Gate scale"; a number list's error stayed shown after the list
// was corrected, until the box lost focus. Checked on the real schemas and the real validation.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import SchemaForm from './SchemaForm.svelte';
import { defaultModelConfig, templateJsonSchema } from '../../common/models';
import { validateConfig } from '../stores/models.svelte';
import type { JsonSchema } from '../lib/json-schema';

afterEach(() => cleanup());

describe('a field is named the same in the form and in its message', () => {
  it('the gate’s scale box carries the name its error and the launch bar use', () => {
    const root = templateJsonSchema('tsmixer-gated' as never) as JsonSchema;
    const config = { ...(defaultModelConfig('tsmixer-gated' as never) as Record<string, unknown>) };
    const gate = { ...(config.gate as Record<string, unknown>), scale: 9 };
    const errors = validateConfig('tsmixer-gated', { ...config, gate });
    const name = /^(.*) must be at most 4$/.exec(errors['gate.scale'])?.[1];
    expect(name).toBeTruthy();
    render(SchemaForm, { schema: root.properties!.gate, value: gate, errors, path: 'gate.', root, onchange: () => {} });
    const box = screen.getByLabelText(name!);
    expect(within(box.closest('.field') as HTMLElement).getByRole('alert').textContent).toBe(errors['gate.scale']);
    expect(screen.queryByLabelText('Scale')).toBeNull();
  });
});

describe('an error clears as soon as the value is valid', () => {
  it('a number list is taken while it is typed, and keeps the text as typed', async () => {
    const root = templateJsonSchema('mlp' as never) as JsonSchema;
    const config = { ...(defaultModelConfig('mlp' as never) as Record<string, unknown>), hidden: [64, 'x'] };
    const sent: unknown[] = [];
    const props = { schema: root, root, value: config, errors: validateConfig('mlp', config), onchange: (v: Record<string, unknown>) => { sent.push(v.hidden); } };
    const { rerender } = render(SchemaForm, props);
    const box = screen.getByLabelText(/^Hidden widths?$/) as HTMLInputElement;
    expect(within(box.closest('.field') as HTMLElement).getByRole('alert')).toBeTruthy();
    box.focus();
    await fireEvent.input(box, { target: { value: '64,' } });
    await fireEvent.input(box, { target: { value: '64,32' } });
    // no blur, no change event: the corrected list went out, and the view's check of it clears the error
    expect(sent.at(-1)).toEqual([64, 32]);
    const fixed = { ...config, hidden: [64, 32] };
    await rerender({ ...props, value: fixed, errors: validateConfig('mlp', fixed) });
    expect(within(box.closest('.field') as HTMLElement).queryByRole('alert')).toBeNull();
    expect(box.value).toBe('64,32'); // not rewritten to "64, 32" under the cursor
    // a half-typed item is left to the blur: nothing sent for it
    const before = sent.length;
    await fireEvent.input(box, { target: { value: '64,3x' } });
    expect(sent.length).toBe(before);
  });
});
