// A number field is taken while it is typed (the run's automatic name follows each keystroke, audit G3),
// but only once the box holds a number as written: "0." or "04" are left to the blur, so writing the value
// back never rewrites what the user is typing.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/svelte';
import SchemaForm from './SchemaForm.svelte';
import type { JsonSchema } from '../lib/json-schema';

afterEach(() => cleanup());

const schema: JsonSchema = { type: 'object', properties: { threshold: { type: 'number', default: 0.5, description: 'Gate threshold' } } };

describe('a number field while typing', () => {
  it('sends each complete number on input, and nothing for a half-typed one', async () => {
    const seen: unknown[] = [];
    const { getByRole } = render(SchemaForm, { schema, value: { threshold: 0.6 }, onchange: (v: Record<string, unknown>) => seen.push(v.threshold) });
    const box = getByRole('spinbutton') as HTMLInputElement;
    await fireEvent.input(box, { target: { value: '0.4' } });
    expect(seen).toEqual([0.4]);
    await fireEvent.input(box, { target: { value: '0.' } });
    await fireEvent.input(box, { target: { value: '04' } });
    expect(seen).toEqual([0.4]);
    await fireEvent.change(box, { target: { value: '04' } });
    expect(seen).toEqual([0.4, 4]);
  });
});
