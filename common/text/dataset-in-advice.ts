// Refusals and import issues are written where the dataset may be no more than a record (the importer runs
// before the dataset has an id; templates and data checks never know it), so their advice says
// `gatelab datasets roles ID …`. Pasted as it stands that command fails ("No dataset 'ID'"): whoever knows the
// dataset (the store, the trainer, `gatelab train --dataset`) puts it in with this one rule.

/** `message` with each `gatelab datasets VERB ID` naming `dataset` (a shell word as the user types it, or an id). */
export function adviceNamingDataset(message: string, dataset: string | number): string {
  return message.replace(/\bgatelab datasets ([a-z]+) ID\b/g, (_, verb: string) => `gatelab datasets ${verb} ${dataset}`);
}
