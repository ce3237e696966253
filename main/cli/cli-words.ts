// A gate's schema gives advice relative to the gate (`--set load=0`): it cannot know which of the
// template's slots holds it. A refusal names the field in full ("run config: model.router.load: …"), so
// the flag is written out for that slot here (`--set router.load=0`), which the user can paste as is.
// The app goes the other way (renderer/lib/user-errors.ts inAppWords: "set Load to 0").

const FIELD_LINE = /^(.*?run config: model\.((?:[\w]+\.)+)(\w+): )(.*)$/;

/** Each refusal line about a nested field, with `--set FIELD=…` of that same field qualified by its parents. */
export function qualifiedSetFlags(message: string): string {
  return message
    .split('\n')
    .map((line) => {
      const m = FIELD_LINE.exec(line);
      if (!m) return line;
      const [, head, parents, leaf, rest] = m;
      return head + rest.replace(new RegExp(`--set ${leaf}=`, 'g'), `--set ${parents}${leaf}=`);
    })
    .join('\n');
}
