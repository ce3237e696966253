// A refusal's advice names a dataset command to type (`gatelab datasets split ID --kind chronological`), but
// it is written where the dataset may be no more than a record, so it says "ID". Pasted as it stands, that
// command fails ("No dataset 'ID'"). The dataset the user named with --dataset (an id or a name) is the one
// meant: `gatelab train` puts it in. A data file given to --dataset is left alone: the run refused may have
// removed the dataset it imported (its advice then imports the file first), so no id can be promised.
import { existsSync } from 'node:fs';
import { shellWord } from '../../common/text/shell-word';
import { adviceNamingDataset } from '../../common/text/dataset-in-advice';

/** `message` with `gatelab datasets VERB ID` naming `dataset` as typed (quoted for a shell when it needs it). */
export function withDatasetInAdvice(message: string, dataset: string | undefined): string {
  if (dataset === undefined || dataset === '' || (!/^\d+$/.test(dataset) && existsSync(dataset))) return message;
  return adviceNamingDataset(message, shellWord(dataset));
}
