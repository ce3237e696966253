// The app's schema table prints a '|' list column's token counts (what the multi-hot role would read): the
// importer counts them into the column's stats, and the dataset detail the app receives must carry them
// (the protocol validates every field, so a count dropped on the way would silently never show).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { labPaths } from '../home';
import { DatasetDetail } from '../../../common/lab-api';
import { openLabDatasets } from '../datasets/index';
import { openLabStore } from './store-datasets';

const homes: string[] = [];
afterAll(() => { for (const h of homes) rmSync(h, { recursive: true, force: true }); });

describe('a list column in the dataset detail', () => {
  it('carries distinct tokens and tokens per row; a plain column carries none', async () => {
    const home = mkdtempSync(join(tmpdir(), 'gatelab-list-tokens-'));
    homes.push(home);
    const file = join(home, 'movies.csv');
    const genres = ['Action|Comedy', 'Drama', 'Action|Drama|Thriller', 'Comedy', 'Action', 'Drama|Romance'];
    writeFileSync(file, 'movie,genres\n' + Array.from({ length: 60 }, (_, i) => `m${i},${genres[i % genres.length]}`).join('\n') + '\n');
    const setup = await openLabDatasets(labPaths(home), { demos: false });
    const id = (await setup.registry.importDataset(file)).dataset.id;
    setup.close();
    const { datasets } = await openLabStore(labPaths(home));
    try {
      const detail = DatasetDetail.parse(await datasets.get(String(id)));
      const g = detail.columnInfo.find((c) => c.name === 'genres')!;
      // Action, Comedy, Drama, Thriller, Romance: 5 distinct; per row 2, 1, 3, 1, 1, 2 → mean 10/6
      expect(g.listTokens).toEqual({ separator: '|', distinct: 5, meanPerRow: expect.closeTo(10 / 6, 6), maxPerRow: 3 });
      expect(detail.columnInfo.find((c) => c.name === 'movie')!.listTokens).toBeUndefined();
    } finally { datasets.close(); }
  });
});
