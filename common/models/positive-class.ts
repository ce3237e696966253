// Which of a two-valued target's values is the positive class when the user did not choose one (target.ts
// TargetOptions.positive): the words decide first (spam/ham, Ja/Nein, clicked/not clicked); two values no word
// decides ("Charged Off"/"Fully Paid") are the rarer one for runs created since that rule, else the later in
// sorted order. Numbers are not decided here: the larger is positive (target.ts coded).
import type { DataColumns } from './binding';
import type { TargetOptions } from './target';

// "no" and "false" in the languages a label file is likely written in. Sorted order alone made the later
// value positive, so a German Ja/Nein label read 'Nein' as the positive class (as did да/нет, ja/nej, ja/nei,
// evet/hayır, 네/아니요): the word decides before the order. Two-letter and one-letter words are only those a
// two-valued label is unlikely to mean otherwise.
const NEGATIVE = new Set(['no', 'not', 'false', 'n', 'f', 'neg', 'negative', 'none', '0', 'off',
  'nein', 'nee', 'nö', 'nie', 'niemals', 'falsch', // German, Dutch 'nee', Polish 'nie'
  'non', 'faux', 'fausse', 'falso', 'falsa', 'não', 'nao', 'nej', 'nei', 'ne', 'hayır', 'hayir', // French, Spanish, Italian, Portuguese, Scandinavian, Czech, Turkish
  'нет', 'ложь', 'όχι', 'οχι', 'לא', 'لا', 'नहीं', '否', '不', '不是', '没有', '沒有', '假', '错', '錯', 'いいえ', '아니오', '아니요']);
const POSITIVE = new Set(['yes', 'true', 'y', 't', 'pos', 'positive', '1', 'on', 'clicked', 'click',
  'ja', 'jawohl', 'wahr', 'richtig', 'oui', 'vrai', 'vraie', 'sí', 'si', 'sì', 'sim', 'verdadero', 'verdadera', 'vero', 'verdadeiro', 'tak', 'ano', 'evet',
  'да', 'истина', 'ναι', 'כן', 'نعم', 'हाँ', 'हां', '是', '对', '對', '真', '有', 'はい', '예', '네']);
// prefixes: "not clicked", "non-spam", "no click", German "nicht geklickt", "kein Kauf", "keine"
/** A value as the word lists spell it: 'NEIN ' → 'nein'; composed accents (a file's 'não' may be n + a + combining tilde). */
const wordOf = (v: string) => v.trim().normalize('NFC').toLowerCase();
const isNegative = (v: string) => { const w = wordOf(v); return NEGATIVE.has(w) || w.startsWith('not') || w.startsWith('non') || w.startsWith('no ') || w.startsWith('nicht') || w.startsWith('kein'); };
export const isPositive = (v: string) => POSITIVE.has(wordOf(v));

/** The positive of two values (sorted a < b): the one that is not a negative word, else the positive word, else b. */
export function positiveOf(a: string, b: string): string {
  return positiveByWords(a, b) ?? b;
}

/** The positive of two values that the words decide (a negative word beside another, a positive word beside another); undefined when they do not. */
export function positiveByWords(a: string, b: string): string | undefined {
  if (isNegative(a) !== isNegative(b)) return isNegative(a) ? b : a;
  if (isPositive(a) !== isPositive(b)) return isPositive(a) ? a : b;
  return undefined;
}

/**
 * The rarer of two values no word decides, `a` before `b` by name, by their rows; the later, `b`, on a tie (as
 * before the rule). The one count rule of the trainer (rarerOf) and the app's automatic Positive class
 * (renderer/lib/positive-choice.ts, from the import's counts).
 */
export function rarerByCount(a: string, countOfA: number, b: string, countOfB: number): string {
  return countOfA < countOfB ? a : b;
}

/** The rarer of two classes by their rows (ids 0 and 1 of `idOf`, names in sorted order): rarerByCount. */
export function rarerOf(names: readonly string[], idOf: (r: number) => number, rows: number): string {
  const counts = [0, 0];
  for (let r = 0; r < rows; r++) {
    const c = idOf(r);
    if (c === 0 || c === 1) counts[c]++;
  }
  return rarerByCount(names[0], counts[0], names[1], counts[1]);
}

/**
 * The binding's choice of the positive value (`positive`, `minorityPositive`) as targetCoding options. Whoever
 * codes a run's target from its binding (the trainer through codeTarget, the export's label) passes these, so
 * both name the same positive class.
 */
export function positiveChoiceOf(columns: Exclude<DataColumns, { family: 'forecasting' }>): Pick<TargetOptions, 'positive' | 'minorityPositive'> {
  const c = columns.family === 'recsys' ? columns.label : columns;
  return { ...(c.positive !== undefined ? { positive: c.positive } : {}), ...(c.minorityPositive ? { minorityPositive: true } : {}) };
}
