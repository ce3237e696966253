// A gated fusion refused on one modality is advised with a command on the user's own columns that splits the
// modality by kind (it runs when pasted), not with a placeholder that fails.
import { describe, expect, it } from 'vitest';
import { secondModalityExample } from './second-modality-example';

const col = (name: string, type: string, role = 'feature') => ({ name, type, role });

describe('secondModalityExample', () => {
  it('sets apart the kind the others are not: text among numbers, categories among measurements', () => {
    const reviews = [col('Age', 'int'), col('Review Text', 'text'), col('Division', 'categorical', 'categorical')];
    expect(secondModalityExample(reviews, { columns: ['Age', 'Review Text', 'Division'] })).toBe("'Review Text=feature:text'");
    const table = [col('age', 'int'), col('income', 'float'), col('city', 'categorical')];
    expect(secondModalityExample(table, { columns: ['age', 'income', 'city'] })).toBe('city=feature:categories');
  });
  it('splits columns of one kind by the last one, and gives no example for a single column', () => {
    const sensors = [col('s1', 'float'), col('s2', 'float'), col('s3', 'float')];
    expect(secondModalityExample(sensors, { columns: ['s1', 's2', 's3'] })).toBe('s3=feature:group2');
    expect(secondModalityExample(sensors, { columns: ['s1'] })).toBeNull();
  });
});
