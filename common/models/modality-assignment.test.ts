// The modality word is written by advice and read back by the app: a column name with a space, a quote or
// an '=' must come back as the same column and group, or the app's hint names a column that is not there.
import { describe, expect, it } from 'vitest';
import { modalityAssignmentWord, readModalityAssignment } from './modality-assignment';

describe('modality assignment word', () => {
  it('round-trips column names a shell would split', () => {
    for (const column of ['city', 'Review Text', "it's", 'a=b', 'Prix (€)', ' padded '])
      for (const role of ['feature', 'categorical', 'multi-hot'])
        expect(readModalityAssignment(modalityAssignmentWord({ column, role, group: 'text' })), `${column} ${role}`).toEqual({ column, role, group: 'text' });
  });
  it('writes plain names bare and quotes the rest', () => {
    expect(modalityAssignmentWord({ column: 'city', role: 'feature', group: 'categories' })).toBe('city=feature:categories');
    expect(modalityAssignmentWord({ column: 'Review Text', role: 'feature', group: 'text' })).toBe("'Review Text=feature:text'");
  });
  it('is not fooled by other role words', () => {
    expect(readModalityAssignment('price=ignore')).toBeNull();
    expect(readModalityAssignment('price=target')).toBeNull();
    expect(readModalityAssignment('<column>=feature:<modality>')).toEqual({ column: '<column>', role: 'feature', group: '<modality>' });
  });
});
