// Row picks typed by the user for "try it": one rule for the app and `gatelab knockout --rows` (common/text/row-ranges.ts).
export { MAX_ROWS, parseRows } from '../../common/text/row-ranges';
