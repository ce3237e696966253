// The words of `gatelab datasets roles`: what each assignment sets, and the command a slip was meant to be.
import { describe, expect, it } from 'vitest';
import { parseRoleAssignment } from './role-assignment';
import { importOptions } from './import';
import { parseArgs } from './args';

describe('gatelab datasets roles: column=role[:modality]', () => {
  it('reads a role, a modality group and an emptied group', () => {
    expect(parseRoleAssignment('review=feature:text', '3')).toEqual({ column: 'review', role: 'feature', modality: 'text' });
    expect(parseRoleAssignment('Unnamed: 0=ignore', '3')).toEqual({ column: 'Unnamed: 0', role: 'ignore' });
    expect(parseRoleAssignment('age=feature:', '3')).toEqual({ column: 'age', role: 'feature', modality: null });
    expect(parseRoleAssignment('label=target', '3')).toEqual({ column: 'label', role: 'target' });
  });

  it('a type where the role goes names both commands it may have meant', () => {
    expect(() => parseRoleAssignment('desc=text', 'reviews')).toThrow(
      "'desc=text': write column=role or column=role:modality, with a role among feature, target, time, series-id, categorical, multi-hot, ignore; " +
      "'text' is a type: to group the column as a fusion modality named 'text': gatelab datasets roles reviews desc=feature:text; " +
      'to read its values as text: gatelab datasets types reviews desc=text');
    expect(() => parseRoleAssignment('desc=featur', '3')).toThrow(/^'desc=featur': write column=role or column=role:modality, with a role among feature, [^;]*ignore$/);
  });

  it('refuses a modality on a target, a time or a series id, giving the assignment without it', () => {
    expect(() => parseRoleAssignment('y=target:num', '3')).toThrow("'y=target:num': a modality groups a fusion model's input columns; a target column is no input, so it takes none: gatelab datasets roles 3 y=target");
    expect(() => parseRoleAssignment('my date=time:t', "'my data'")).toThrow(/a time column is no input, so it takes none: gatelab datasets roles 'my data' 'my date=time'$/);
  });
});

describe('gatelab import --roles: the same words, its own options as the advice', () => {
  it('reads roles and modality groups at import, with --target', () => {
    const o = importOptions(parseArgs(['r.csv', '--roles', 'review=feature:text,age=categorical', '--target', 'rec']));
    expect(o.roles).toEqual({ review: { role: 'feature', modality: 'text' }, age: 'categorical', rec: 'target' });
  });

  it('a slip names the import options it may have meant, not a dataset that does not exist yet', () => {
    expect(() => importOptions(parseArgs(['r.csv', '--roles', 'desc=text']))).toThrow(
      "--roles: 'desc=text': write column=role or column=role:modality, with a role among feature, target, time, series-id, categorical, multi-hot, ignore; " +
      "'text' is a type: to group the column as a fusion modality named 'text': --roles desc=feature:text; to read its values as text: --types desc=text");
    expect(() => importOptions(parseArgs(['r.csv', '--roles', 'y=target:num']))).toThrow(/a target column is no input, so it takes none: --roles y=target$/);
  });
});
