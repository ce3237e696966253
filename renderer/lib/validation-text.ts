// One validation finding as one phrase. The importer's message often counts and names already
// ("column 'Title': 3810 missing values"); the list added "— 3,810 cases in Title" after it, saying it
// twice in two number formats (audit A22 #14). The count and the column are added only when the message
// does not say them, and a count it says is written with thousands separators like the rest of the app.
import type { ValidationIssue } from '../../common/lab-api';
import { formatCount } from './format';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `n` as a whole number in text: not a part of 13810, 3810.5 or 1,3810. */
const wholeNumber = (n: string) => new RegExp(`(?<![\\d.,])${escape(n)}(?![\\d]|[.,]\\d)`, 'g');

export interface IssueText {
  /** The message, its count written as 3,810. */
  message: string;
  /** What the message does not say: "— 3,810 cases in Title", "— in Title", or ''. */
  detail: string;
}

export function issueText(i: Pick<ValidationIssue, 'message' | 'count' | 'column'>): IssueText {
  const raw = String(i.count);
  const pretty = formatCount(i.count);
  const saysCount = wholeNumber(raw).test(i.message) || wholeNumber(pretty).test(i.message);
  const message = raw === pretty ? i.message : i.message.replace(wholeNumber(raw), pretty);
  const saysColumn = !i.column || i.message.includes(i.column);
  const cases = `${pretty} ${i.count === 1 ? 'case' : 'cases'}`;
  const where = i.column && !saysColumn ? `in ${i.column}` : '';
  const detail = saysCount ? (where ? `— ${where}` : '') : `— ${[cases, where].filter(Boolean).join(' ')}`;
  return { message, detail };
}
