// A classification run's classes by what its target holds ("1".."5" of a rating, "business"/"sport" of a
// news category), never by the ids the model numbers them with (0..k-1): a rating of 3 shown as "2" is a
// wrong number. Try it, its What if and `gatelab knockout --rows` name classes this way.
import type { LabelCoding } from '../trainer-protocol';
import type { TestClasses } from '../runs/test-classes';

/**
 * The run's class names in class-id order: the trainer's label coding (the run's data summary), else the
 * classes of its per-class test table (runs stored before the coding was kept); null when neither says.
 */
export function runClassNames(label: Pick<LabelCoding, 'classes'> | null | undefined, testClasses?: Pick<TestClasses, 'classes'> | null): string[] | null {
  if (label?.classes?.length) return label.classes;
  return testClasses?.classes.length ? testClasses.classes.map((c) => c.name) : null;
}

/**
 * The run's class names when they are this model's: as many as its outputs (`of`, the prediction's length,
 * when given), else null. A run whose class list and model disagree (a list from another coding) would name
 * a class by another class's value; its classes are numbered instead.
 */
export function modelClassNames(names: readonly string[] | null | undefined, of?: number): readonly string[] | null {
  return names && (of === undefined || names.length === of) ? names : null;
}

/**
 * Class `id` by its name; "class 2" when the names are unknown or are not those of this model (another
 * count than `of`, when given: modelClassNames): a bare "2" would read as a value of the target.
 */
export function className(id: number, names: readonly string[] | null | undefined, of?: number): string {
  return modelClassNames(names, of)?.[id] ?? `class ${id}`;
}
