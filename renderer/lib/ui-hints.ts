// The lab's messages tell CLI users what to type ("Resume it: gatelab resume 5", "gatelab datasets
// roles ID <column>=target"); the lab keeps them (the CLI needs them), and the UI rewrites the hints it
// knows into the UI action that does the same (the Resume button, Datasets → Schema). Unknown text is
// left as it is.

const SCHEMA = 'Datasets → Schema';

const HINTS: [RegExp, string][] = [
  [/([Rr])esume it: gatelab resume \d+/g, '$1esume it with the Resume button'],
  [/continue with: gatelab resume \d+/g, 'continue with the Resume button'],
  [/resume with gatelab resume \S+/g, 'resume with the Resume button'],
  [/\(gatelab cancel \d+\)/g, '(the Cancel button in Runs)'],
  [/gatelab datasets roles \S+ <column>=target/g, `set a target in ${SCHEMA} (role "target")`],
  [/gatelab datasets roles \S+ <column>=categorical/g, `mark its categorical columns in ${SCHEMA} (role "categorical")`],
  [/gatelab datasets roles \S+ <column>=feature:<modality>/g, `give column groups a modality in ${SCHEMA}`],
  [/gatelab datasets roles \S+ (?:'[^']*'|<column>)=ignore/g, `set that column's role to "ignore" in ${SCHEMA}`],
  [/gatelab datasets roles \S+ \S+/g, `set roles in ${SCHEMA}`],
  [/gatelab datasets show \S+ lists the (?:splits of dataset \d+|dataset's splits|dataset)/g, 'the dataset in Datasets lists its splits'],
  [/\(gatelab datasets show ID\)/g, `(in ${SCHEMA})`],
];

export function uiHint(message: string): string {
  let s = message;
  for (const [re, to] of HINTS) s = s.replace(re, to);
  return s;
}
