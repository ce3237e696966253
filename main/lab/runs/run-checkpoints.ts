// Which checkpoint a run resumes from, trusting the files as well as the table. A kill can land between
// the trainer's atomic rename of a checkpoint and the lab's INSERT of its row: the file is complete but
// unknown to the table, so the folder is scanned for such files (valid by their format) and they are
// registered. A file can also be damaged after it was written (disk fault, a user's tool): each candidate
// is decoded (length + checksum) newest first, and a damaged newest one falls back to the previous valid
// one with a note naming both. best.ckpt is a byte copy of the epoch (or final) checkpoint that improved on
// validation, so it carries the full training state too: when it is newer than every intact epoch / pause /
// final file (those newer than it were damaged), resuming from it loses fewer steps than the older file.
// This runs on the lab's main thread: only the file resume continues from is read whole and checksummed; the
// others are judged by their header (its first bytes). One resume asks for its point three times within
// milliseconds (the up-front check, the claim, the CLI's "resuming from" line): a file checked whole moments
// ago and unchanged since is not read again (checkFile).
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LabStore } from '../store/index';
import type { CheckpointRecord } from '../store/checkpoints';
import type { RunFiles } from './run-files';
import { decodeCheckpoint, fnv1a32, type CheckpointHeader } from '../../../common/runs/checkpoint-format';
import { Refusal } from './refusal';

/** The kinds a run can continue from (best is for export, cancel / last-good end a run). */
export const RESUMABLE_KINDS = ['epoch', 'pause', 'final'];

export interface ResumePoint extends CheckpointRecord {
  /** Set when a newer checkpoint was damaged and skipped: which one, why, and which one is used instead. */
  note?: string;
}

const FILE_NAME = /^(?:epoch-\d+-step-(\d+)|(?:pause|final|cancel|last-good)-step-(\d+)|best)\.ckpt$/;

/**
 * The header of a complete, undamaged checkpoint file, or the reason it is not one. A file found intact less
 * than CHECKED_FOR_MS ago whose identity, size and times are unchanged is taken as checked (its header kept):
 * a resume asks three times in a row, and each whole read of a large model's file holds the lab's main thread.
 */
export function checkFile(path: string, where: string): { header: CheckpointHeader } | { damage: string } {
  const stamp = fileStamp(path);
  const known = stamp === null ? undefined : checked.get(path);
  if (known && known.stamp === stamp && performance.now() - known.at < CHECKED_FOR_MS) return { header: known.header };
  try {
    const header = decodeCheckpoint(readFileSync(path), where).header;
    if (stamp !== null) remember(path, stamp, header);
    return { header };
  } catch (e) {
    checked.delete(path);
    return { damage: (e as Error).message };
  }
}

/**
 * How long a whole check stands. Long enough for one resume's asks (the same synchronous call chain, or a
 * claim a moment later); short enough that a file damaged in place without a write the stamp would see (a disk
 * fault) is checked again by the next resume. The trainer checksums the file again when it loads it anyway.
 */
const CHECKED_FOR_MS = 10_000;
/** The intact files checked last (a handful: one per run resumed in the last seconds). */
const checked = new Map<string, { stamp: string; header: CheckpointHeader; at: number }>();
const CHECKED_KEPT = 32;

/** Bytes read from each end of the file for its stamp: the magic and header (with the payload's checksum), the payload's end. */
const STAMP_BYTES = 4096;

/**
 * What changes whenever the file's bytes are written or it is replaced: its inode (the trainer renames a new
 * file into place), size, modification and change times (ctime cannot be set back by a user's tool), and a
 * hash of its first and last bytes (a file zeroed or overwritten within one tick of a coarse clock).
 * Taken before the read, so a file replaced during it is read again next time. Null when it cannot be read.
 */
function fileStamp(path: string): string | null {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch { return null; }
  try {
    const s = fstatSync(fd, { bigint: true });
    const size = Number(s.size);
    const head = Buffer.alloc(Math.min(STAMP_BYTES, size));
    const tail = Buffer.alloc(Math.min(STAMP_BYTES, size));
    readSync(fd, head, 0, head.length, 0);
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}:${fnv1a32([head, tail])}`;
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function remember(path: string, stamp: string, header: CheckpointHeader): void {
  checked.delete(path);
  checked.set(path, { stamp, header, at: performance.now() });
  if (checked.size > CHECKED_KEPT) checked.delete(checked.keys().next().value!);
}

const MAGIC = 'GLCKPT1\n';
/** Headers are a few hundred bytes of JSON; a length past this is a damaged length field, not a header. */
const MAX_HEADER = 1 << 20;

/**
 * The header of a checkpoint file read alone (its first bytes, common/runs/checkpoint-format.ts layout): what
 * the file says it is, not whether its payload is intact (checkFile says that, reading it whole).
 */
export function readHeader(path: string, where: string): { header: CheckpointHeader } | { damage: string } {
  let fd: number;
  try { fd = openSync(path, 'r'); } catch (e) { return { damage: (e as Error).message }; }
  try {
    const lead = Buffer.alloc(MAGIC.length + 4);
    if (readSync(fd, lead, 0, lead.length, 0) < lead.length || lead.toString('latin1', 0, MAGIC.length) !== MAGIC) {
      return { damage: `'${where}' is not a GateLab checkpoint (bad magic)` };
    }
    const length = lead.readUInt32LE(MAGIC.length);
    const json = Buffer.alloc(Math.min(length, MAX_HEADER));
    if (length > MAX_HEADER || readSync(fd, json, 0, length, lead.length) < length) return { damage: `checkpoint '${where}' is damaged: its header is not readable` };
    return { header: JSON.parse(json.toString('latin1')) as CheckpointHeader };
  } catch {
    return { damage: `checkpoint '${where}' is damaged: its header is not readable` };
  } finally {
    closeSync(fd);
  }
}

/**
 * Registers the complete checkpoint files of `checkpoints/run-N/` that the table does not know and that
 * are newer than its newest row (best.ckpt: when its row is missing or older than the file). Returns them.
 */
export function registerCheckpointsOnDisk(store: LabStore, files: RunFiles, runId: number): CheckpointRecord[] {
  const dir = files.folder(runId);
  if (!existsSync(dir)) return [];
  const rows = store.checkpoints.forRun(runId);
  const newest = Math.max(-1, ...rows.filter((r) => r.kind !== 'best').map((r) => r.step));
  const added: CheckpointRecord[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = FILE_NAME.exec(name);
    if (!m) continue;
    const path = files.toStored(join(dir, name));
    const known = rows.find((r) => r.path === path);
    const isBest = name === 'best.ckpt';
    // Files the table knows, and older files it dropped on purpose (retention), stay as they are.
    if (!isBest && (known || Number(m[1] ?? m[2]) <= newest)) continue;
    // best.ckpt is on disk in every run: its header says whether its row is current, without reading it whole
    if (isBest && known) {
      const head = readHeader(join(dir, name), path);
      if ('header' in head && head.header.runId === runId && known.step >= head.header.step) continue;
    }
    const file = checkFile(join(dir, name), path);
    if (!('header' in file) || file.header.runId !== runId) continue;
    const h = file.header;
    if (isBest && known && known.step >= h.step) continue;
    const record = { runId, step: h.step, epoch: h.epoch, kind: isBest ? 'best' : h.kind, path, bytes: statSync(join(dir, name)).size, metric: isBest ? h.best.metric : null };
    store.db.transaction(() => {
      if (known) store.checkpoints.remove(known.id);
      added.push({ ...record, id: store.checkpoints.add(record), createdAt: h.createdAt });
    })();
  }
  return added;
}

/**
 * The checkpoint a resumed run continues from: the newest valid epoch / pause / final one (after
 * registering files the table missed), or best.ckpt when it is newer than that one and carries the full
 * training state. null when the run has none; throws an UnresumableRun (a Refusal) when it has some and
 * every one is damaged or missing: nothing to continue from, and restarting silently would hide the loss.
 * That is a state of the files, not of the run: restored from a backup, they make the run resumable again.
 */
export function findResumePoint(store: LabStore, files: RunFiles, runId: number): ResumePoint | null {
  registerCheckpointsOnDisk(store, files, runId);
  const rows = store.checkpoints.forRun(runId);
  const resumable = rows.filter((c) => RESUMABLE_KINDS.includes(c.kind));
  const candidates = resumable.filter((c) => existsSync(files.fromStored(c.path)));
  const damaged: { path: string; why: string }[] = [];
  let found: { row: CheckpointRecord; header: CheckpointHeader } | null = null;
  for (const c of candidates.reverse()) {
    const file = checkFile(files.fromStored(c.path), c.path);
    if ('header' in file) {
      found = { row: c, header: file.header };
      break;
    }
    damaged.push({ path: c.path, why: file.damage });
  }
  const skipped = damaged.map((d) => d.why).join('; ');
  const best = newerBest(files, rows, runId, found, damaged);
  if (best && 'row' in best) {
    const older = found ? `the newest other intact checkpoint, ${found.row.path}, is at step ${found.row.step}` : 'no other checkpoint is intact';
    return { ...best.row, note: `${skipped ? `${skipped}; ` : ''}resuming from ${best.row.path} (step ${best.row.step}), the best checkpoint, which holds the full training state (parameters, optimizer state, data order): ${older}` };
  }
  if (found) {
    if (!damaged.length) return found.row;
    const not = best ? `; ${'notUsed' in best ? best.notUsed : best.damage}` : '';
    return { ...found.row, note: `${skipped}; resuming from the previous valid checkpoint ${found.row.path} (step ${found.row.step})${not}` };
  }
  // Rows whose files are all gone (their drive not mounted, the folder moved) are no run without checkpoints:
  // restarting it from step 0 would drop every point it stored. Refused like damaged ones, and named.
  const missing = resumable.filter((c) => !candidates.includes(c)).reverse().map((c) => `checkpoint '${c.path}' is missing`);
  if (damaged.length || missing.length) {
    throw new UnresumableRun(runId, [...damaged.map((d) => d.why), ...missing, ...bestJudged(files, rows, runId, best)], !missing.length, best !== null && 'notUsed' in best);
  }
  return null;
}

/**
 * A run none of whose checkpoints can be continued from: the request to resume it is refused (the run
 * itself is left as it was, its files untouched). The message names every file judged, best.ckpt included,
 * so the user knows which ones to restore.
 */
export class UnresumableRun extends Refusal {
  constructor(runId: number, judged: string[], allDamaged: boolean, bestIntact: boolean) {
    const export_ = bestIntact ? 'export or inspect best.ckpt, which is intact, ' : '';
    super(`run ${runId} cannot resume: ${allDamaged ? 'every checkpoint it has is damaged' : 'none of its checkpoints can be read'} (${judged.join('; ')}). ` +
      `Nothing was deleted: restore these files (from a backup, or once the drive that holds them is back), ${export_}or start a new run with the same settings`);
  }
}

/**
 * What the failed search judged of best.ckpt, for the refusal's list: newerBest's verdict, else the file on
 * disk judged directly (a damaged best.ckpt the table has no row for is never registered, but the user must
 * still hear that it is damaged rather than be told to export it). Empty when the run never had a best.ckpt.
 */
function bestJudged(files: RunFiles, rows: CheckpointRecord[], runId: number, best: BestVerdict): string[] {
  if (best && 'notUsed' in best) return [best.notUsed];
  if (best && 'damage' in best) return [best.damage];
  const path = join(files.folder(runId), 'best.ckpt');
  const row = rows.filter((c) => c.kind === 'best').at(-1);
  if (!existsSync(path)) return row ? [`checkpoint '${row.path}' is missing`] : [];
  const where = files.toStored(path);
  const file = checkFile(path, where);
  if (!('header' in file)) return [file.damage];
  return file.header.runId === runId ? [] : [notThisRun(where, file.header.runId, runId)];
}

const notThisRun = (where: string, owner: number, runId: number) => `checkpoint '${where}' is run ${owner}'s, not run ${runId}'s`;

/** newerBest's answer: the resume point, why an intact best.ckpt cannot be one, or why it is not intact. */
type BestVerdict = { row: CheckpointRecord } | { notUsed: string } | { damage: string } | null;

/**
 * best.ckpt when it is intact and newer than the newest intact resumable checkpoint (`found`): as a resume
 * point when its header carries the full training state, else why not (resume then falls back as before,
 * and the claim sets best.ckpt aside: run-claim.ts); why it is not intact when it is damaged or another
 * run's. null when it is absent or not newer.
 */
function newerBest(files: RunFiles, rows: CheckpointRecord[], runId: number, found: { row: CheckpointRecord; header: CheckpointHeader } | null,
  damaged: { path: string }[]): BestVerdict {
  const row = rows.filter((c) => c.kind === 'best').at(-1);
  if (!row || row.step <= (found?.row.step ?? -1) || !existsSync(files.fromStored(row.path))) return null;
  const file = checkFile(files.fromStored(row.path), row.path);
  if (!('header' in file)) return { damage: file.damage };
  if (file.header.runId !== runId) return { damage: notThisRun(row.path, file.header.runId, runId) };
  if (file.header.step <= (found?.row.step ?? -1)) return null;
  // the shape to match: the intact file resume would otherwise use, else a damaged one's header (its payload
  // is what is damaged, mostly), else none (best.ckpt is then judged on its own header)
  const reference = found?.header ?? damaged.map((d) => readHeader(files.fromStored(d.path), d.path)).find((h): h is { header: CheckpointHeader } => 'header' in h)?.header;
  const lacks = missingResumeState(file.header, reference);
  return lacks ? { notUsed: `${row.path} (step ${row.step}) is newer but cannot be resumed from: ${lacks}` } : { row: { ...row, step: file.header.step, epoch: file.header.epoch } };
}

/**
 * Why a checkpoint's header does not carry everything a resumed trainer loads (parameters, optimizer state,
 * data order, best so far), or null when it does. Without the optimizer state or the data order the resumed
 * run would not be the run it continues (other updates, other batches): such a file is for export only, and
 * resume falls back to an older complete checkpoint instead, losing steps rather than changing the run.
 */
function missingResumeState(h: CheckpointHeader, reference: CheckpointHeader | undefined): string | null {
  if (!RESUMABLE_KINDS.includes(h.kind)) return `it was written as a ${h.kind} checkpoint, not one a run continues from`;
  const whole = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
  if (!h.order || !whole(h.order.epoch) || !whole(h.order.batch)) return 'it has no data order';
  if (!h.best || typeof h.best !== 'object') return 'it has no best-so-far record';
  if (!reference) return null;
  if (h.model !== reference.model || h.size !== reference.size || h.dtype !== reference.dtype) {
    return `it holds model ${h.model} (${h.size} ${h.dtype} parameters), the run's checkpoints ${reference.model} (${reference.size} ${reference.dtype})`;
  }
  const names = (n: string[]) => (n.length ? n.join(', ') : 'none');
  if (names(h.stateNames) !== names(reference.stateNames)) return `its optimizer state is ${names(h.stateNames)}, the run's checkpoints have ${names(reference.stateNames)}`;
  return null;
}

/** "resume continues from the checkpoint at step N" / "...restarts from step 0", never throwing. */
export function describeResumePoint(store: LabStore, files: RunFiles, runId: number): string {
  try {
    const p = findResumePoint(store, files, runId);
    if (!p) return 'it had no checkpoint yet: resume restarts from step 0';
    return `resume continues from the checkpoint at step ${p.step}${p.note ? ` (${p.note})` : ''}`;
  } catch (e) {
    return (e as Error).message;
  }
}
