// The lab writes commands in its messages as Markdown code ("run `npm run setup:gpu`"): the CLI prints
// them as they are, the app shows them as code instead of literal backticks (CodeText.svelte).

export interface TextPart { text: string; code: boolean }

/** "run `npm run setup:gpu` (needs …)" → text "run ", code "npm run setup:gpu", text " (needs …)". A lone backtick stays text. */
export function codeSpans(message: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of message.matchAll(/`([^`\n]+)`/g)) {
    if (m.index > at) parts.push({ text: message.slice(at, m.index), code: false });
    parts.push({ text: m[1], code: true });
    at = m.index + m[0].length;
  }
  if (at < message.length) parts.push({ text: message.slice(at), code: false });
  return parts;
}
