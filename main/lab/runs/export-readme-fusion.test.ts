// README "Using an exported model" gives a `use.mjs` for a CTR model and, under **A fusion model**, three
// changes for a fusion export: a CSV reader for the line (text cells hold commas and quotes), the `one-hot`
// and `hashed-ngrams` encodings, and the answer for a binary or multi-class label. This runs use.mjs from
// README.md with exactly those three blocks on GMU exports of a job-postings-like file (binary, HTML text with
// commas and doubled quotes, empty cells, 0/1 flags) and a 3-class headlines file, and compares every
// probability with the reference encoder's (written from the export's document alone).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as ort from 'onnxruntime-node';
import { labPaths } from '../home';
import { openLabDatasets, type LabDatasets } from '../datasets/index';
import { RunManager } from './run-manager';
import { datasetResolver } from './dataset-runs';
import { trainAndExportFile, type ExportedRun } from './testing/exported-run';
import { encodeInputs, parseCsv, writeCsv, type Row } from './testing/reference-encoder';

const REPO = resolve(__dirname, '../../..');
let home: string, lab: LabDatasets, manager: RunManager;
let jobs: ExportedRun, news: ExportedRun;

/** The rows as a CSV file in the lab's folder, imported with `target`, a small GMU trained on it and exported. */
function trainAndExport(file: string, rows: Row[], target: string): Promise<ExportedRun> {
  writeFileSync(join(home, file), writeCsv(rows));
  return trainAndExportFile(lab, manager, join(home, file), { [target]: 'target' }, { model: { template: 'gmu', textBuckets: 256 }, epochs: 3, batchSize: 32, optimizer: { lr: 0.01 } });
}

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-readme-fusion-'));
  const paths = labPaths(home);
  lab = await openLabDatasets(paths, { demos: false });
  manager = new RunManager({ store: lab.store, paths, poolSize: 1, resolveDataset: datasetResolver(lab.registry) });
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const jobRows = Array.from({ length: 320 }, (_, i): Row => {
    const fraud = i % 5 === 0;
    const words = fraud ? ['earn', 'cash', 'weekly', 'no', 'experience'] : ['team', 'growth', 'platform', 'career', 'benefits'];
    return {
      title: pick(['Data Analyst', 'Software Engineer', fraud ? 'Home Based Typist' : 'Sales Manager']),
      company_profile: rand() < 0.2 ? '' : `<p>We are a ${pick(['small', 'large'])} company, "${pick(['innovative', 'trusted'])}" since ${1990 + (i % 30)}.</p>`,
      description: Array.from({ length: 12 }, () => pick(rand() < 0.6 ? words : ['the', 'and', 'work'])).join(' ') + (rand() < 0.4 ? ', and "more".' : ''),
      salary_range: rand() < 0.6 ? '' : pick(['40000-60000', '60000-80000']),
      employment_type: pick(['Full-time', 'Part-time', '']),
      has_company_logo: rand() < (fraud ? 0.3 : 0.8) ? '1' : '0',
      telecommuting: rand() < (fraud ? 0.5 : 0.1) ? '1' : '0',
      fraudulent: fraud ? '1' : '0',
    };
  });
  const topics = { POLITICS: ['senate', 'vote', 'bill'], SPORTS: ['match', 'goal', 'coach'], TRAVEL: ['beach', 'flight', 'hotel'] } as const;
  const newsRows = Array.from({ length: 300 }, (_, i): Row => {
    const category = (['POLITICS', 'POLITICS', 'SPORTS', 'TRAVEL'] as const)[i % 4];
    return {
      headline: Array.from({ length: 7 }, () => (rand() < 0.5 ? pick(topics[category]) : pick(['the', 'new', 'says']))).join(' '),
      word_count: String(Math.round(400 + 300 * rand() + (category === 'TRAVEL' ? 300 : 0))),
      category,
    };
  });
  jobs = await trainAndExport('jobs.csv', jobRows, 'fraudulent');
  news = await trainAndExport('news.csv', newsRows, 'category');
}, 180_000);

afterAll(async () => {
  await manager?.close();
  lab?.close();
  rmSync(home, { recursive: true, force: true });
});

/** The code block after `marker` in README.md. */
function readmeBlock(readme: string, marker: string): string {
  const at = readme.indexOf(marker);
  expect(at, marker).toBeGreaterThan(0);
  const start = readme.indexOf('```js\n', at) + '```js\n'.length;
  return readme.slice(start, readme.indexOf('```', start));
}

/**
 * README's use.mjs with the fusion section's three blocks applied as it says, the sample line's text swapped
 * for `line`; returns each printed `P(...) = p`.
 */
function readmeFusionScript(t: ExportedRun, line: string): Record<string, number> {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const use = readmeBlock(readme, 'Then, in that folder, as `use.mjs`:');
  const fusion = readme.indexOf('**A fusion model**');
  const [cellsBlock, encodeBlock, answerBlock] = [
    readmeBlock(readme.slice(fusion), 'Replace the `const cells = …` line'),
    readmeBlock(readme.slice(fusion), 'before the `throw` at the end of `encode`'),
    readmeBlock(readme.slice(fusion), 'replace them with'),
  ];
  const sample = /^const cells = splitCsv\('(?:[^'\\]|\\.)*', doc\.source\.delimiter\);$/m;
  expect(cellsBlock).toMatch(sample);
  const throwLine = /^ {2}throw new Error\(`\$\{f\.kind\}/m;
  const lastTwo = /^const logit = .*\n.*\n$/m;
  expect(use).toMatch(/^const cells = '[^']*'\.split\(.+\);$/m);
  expect(use).toMatch(throwLine);
  expect(use).toMatch(lastTwo);
  const code = use
    .replace(/^const cells = '[^']*'\.split\(.+\);$/m, () => cellsBlock.replace(sample, () => `const cells = splitCsv(${JSON.stringify(line)}, doc.source.delimiter);`))
    .replace(throwLine, (m) => encodeBlock + m)
    .replace(lastTwo, () => answerBlock);
  const dir = mkdtempSync(join(home, 'use-'));
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'run.onnx'), readFileSync(t.onnxPath));
  writeFileSync(join(dir, 'use.mjs'), code);
  const out = execFileSync(process.execPath, ['use.mjs'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.fromEntries([...out.matchAll(/^P\((.+)\) = (\S+)$/gm)].map((m) => [m[1], Number(m[2])]));
}

/** The reference encoder's probabilities for one raw row (keyed by column): sigmoid, or softmax by class. */
async function reference(t: ExportedRun, row: Row): Promise<number[]> {
  const session = await ort.InferenceSession.create(t.onnxPath);
  try {
    const feeds = Object.fromEntries(t.doc.inputs.map((input) => { const v = encodeInputs(input, [[row]], t.doc); return [input.name, new ort.Tensor(v.dtype, v.data as never, v.dims)]; }));
    const z = Array.from((await session.run(feeds)).logits.data as Float32Array);
    if (z.length === 1) return [1 / (1 + Math.exp(-z[0]))];
    const e = z.map((v) => Math.exp(v - Math.max(...z)));
    return e.map((v) => v / e.reduce((a, b) => a + b));
  } finally {
    await session.release();
  }
}

/** A CSV line of `cells` (quoted as a spreadsheet writes them) and the row keyed by the file's header. */
function lineOf(header: string[], cells: string[]): { line: string; row: Row } {
  const line = writeCsv([Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']))]).split('\n')[1];
  const row: Row = Object.fromEntries(header.map((h, j) => [h, cells[j] ?? '']));
  expect(parseCsv(line)[0]).toEqual(Object.values(row));
  return { line, row };
}

describe('README use.mjs with the fusion changes, on GMU exports', () => {
  it('a job posting with HTML, commas and doubled quotes in its text: the reference encoder\'s P(fraudulent = 1)', async () => {
    const header = ['title', 'company_profile', 'description', 'salary_range', 'employment_type', 'has_company_logo', 'telecommuting'];
    expect(jobs.doc.inputs.flatMap((i) => i.features.map((f) => f.kind)).sort()).toEqual(expect.arrayContaining(['hashed-ngrams', 'one-hot']));
    const postings = [
      ['Home Based Typist', '', 'earn cash weekly, no experience: "apply now" and earn', '', 'Part-time', '0', '1'],
      ['Data Analyst', '<p>We are a large company, "trusted" since 1999.</p>', 'team growth career, and "more".', '40000-60000', 'Full-time', '1', '0'],
      // an unseen title and salary: one-hot's unknown slot, as the lab encodes it
      ['Chief Happiness Officer', '<p>new</p>', 'the work', '999-1000', '', '1', '0'],
      // a line of an Excel export ends in \r: its last cell is still the flag '1', not an unseen '1\r'
      ['Software Engineer', '', 'team growth', '', 'Full-time', '0', '1'],
    ];
    const answers: number[] = [];
    for (const [k, cells] of postings.entries()) {
      const { line, row } = lineOf(header, cells);
      const p = readmeFusionScript(jobs, k === 3 ? `${line}\r` : line)['fraudulent = 1'];
      expect(p).toBeCloseTo((await reference(jobs, row))[0], 5);
      answers.push(p);
    }
    // the text matters: a script that read the cells wrongly would not tell these postings apart
    expect(Math.abs(answers[0] - answers[1])).toBeGreaterThan(0.05);
  }, 90_000);

  it('the CSV reader matters: splitting that line on "," gives other cells and another answer', async () => {
    const cells = ['Data Analyst', '<p>We are a large company, "trusted" since 1999.</p>', 'earn cash weekly, no experience', '', 'Full-time', '1', '0'];
    const { line, row } = lineOf(['title', 'company_profile', 'description', 'salary_range', 'employment_type', 'has_company_logo', 'telecommuting'], cells);
    const naive: Row = Object.fromEntries(Object.keys(row).map((h, j) => [h, line.split(',')[j] ?? '']));
    expect(naive.company_profile).not.toBe(cells[1]);
    const p = readmeFusionScript(jobs, line)['fraudulent = 1'];
    expect(p).toBeCloseTo((await reference(jobs, row))[0], 5);
    expect(Math.abs(p - (await reference(jobs, naive))[0])).toBeGreaterThan(1e-3);
  }, 60_000);

  it('README\'s splitCsv: quoted delimiters and doubled quotes, empty cells, and an Excel line\'s \\r dropped from its last cell', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const block = readmeBlock(readme.slice(readme.indexOf('**A fusion model**')), 'Replace the `const cells = …` line');
    const splitCsv = new Function(`${block.split('\n').filter((l) => l.startsWith('const splitCsv'))[0]}; return splitCsv;`)() as (line: string, d: string) => string[];
    expect(splitCsv('Typist,"<p>Earn, ""now""</p>",,Part-time\r', ',')).toEqual(['Typist', '<p>Earn, "now"</p>', '', 'Part-time']);
    expect(splitCsv('a;"b;c"', ';')).toEqual(['a', 'b;c']);
  });

  it('a 3-class label prints one probability per class, the reference encoder\'s softmax', async () => {
    expect(news.doc.outputs[0]).toMatchObject({ kind: 'class-logits', label: { classes: ['POLITICS', 'SPORTS', 'TRAVEL'] } });
    const { line, row } = lineOf(['headline', 'word_count', 'category'], ['senate vote on the new bill', '520']);
    const printed = readmeFusionScript(news, line);
    expect(Object.keys(printed)).toEqual(['POLITICS', 'SPORTS', 'TRAVEL']);
    const expected = await reference(news, row);
    Object.values(printed).forEach((p, k) => expect(p).toBeCloseTo(expected[k], 5));
    expect(Object.values(printed).reduce((a, b) => a + b)).toBeCloseTo(1, 5);
  }, 60_000);
});
