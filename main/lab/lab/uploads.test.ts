// Uploads hold a file handle and disk space until finished or cancelled: a chunk that is not base64 refused
// whole, the cap on uploads in flight, the free-space check (against the real disk's statfs), cancel
// removing the partial file, and the start-up sweep that removes what a dead lab left (and nothing a live lab is using).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_UPLOADS, Uploads, sweepAbandonedUploads } from './uploads';
import type { LabError } from '../../../common/lab-api';

let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'gatelab-uploads-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const freeBytes = (dir: string) => {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
};

describe('Uploads', () => {
  it('writes chunks in order and hands over the file; cancel removes the partial file and its folder', () => {
    const uploads = new Uploads(home);
    const a = uploads.begin('../../evil name.csv', 6);
    expect(uploads.chunk(a, 0, Buffer.from('a,b\n').toString('base64'))).toBe(4);
    const b = uploads.begin('b.csv', 100);
    uploads.chunk(b, 0, Buffer.from('x').toString('base64'));
    expect(readdirSync(join(home, 'uploads'))).toHaveLength(2);
    expect(uploads.cancel(b)).toBe(true);
    expect(readdirSync(join(home, 'uploads'))).toHaveLength(1);
    uploads.chunk(a, 4, Buffer.from('1\n').toString('base64'));
    const done = uploads.finish(a);
    expect(done.name).toBe('evil name.csv');
    expect(done.path.startsWith(join(home, 'uploads', `${process.pid}-`))).toBe(true);
    expect(uploads.inProgress).toBe(0);
  });

  it('refuses a chunk that is not valid base64, writing none of it, and takes the same chunk sent again', () => {
    const uploads = new Uploads(home);
    const id = uploads.begin('data.csv', 8);
    uploads.chunk(id, 0, Buffer.from('a,b\n').toString('base64'));
    const refused = (data: string) => { try { uploads.chunk(id, 4, data); } catch (e) { return e as LabError; } throw new Error(`${data} was accepted`); };
    expect(refused('!!!@@@')).toMatchObject({ code: 'invalid-payload', message: "upload of 'data.csv': the chunk at byte 4 is not valid base64 (it has '!' at character 0); nothing of it was written, send it again" });
    expect(refused('MSwyC').message).toMatch(/not valid base64 \(its 5 characters are not whole groups of 4\)/);
    expect(refused('MS=yCg==').message).toMatch(/not valid base64 \('=' before its end\)/);
    expect(uploads.chunk(id, 4, Buffer.from('1,2\n').toString('base64'))).toBe(8);
    expect(readFileSync(uploads.finish(id).path, 'utf8')).toBe('a,b\n1,2\n');
  });

  it(`refuses more than ${MAX_UPLOADS} uploads in flight with a message saying what to do`, () => {
    const uploads = new Uploads(home);
    const ids = Array.from({ length: MAX_UPLOADS }, (_, i) => uploads.begin(`f${i}.csv`, 10));
    expect(() => uploads.begin('one-more.csv', 10)).toThrow(/16 uploads are already in progress: wait for one to finish \(or cancel one\), then drop 'one-more\.csv' again/);
    uploads.cancel(ids[0]);
    expect(() => uploads.begin('one-more.csv', 10)).not.toThrow();
    uploads.cancelAll();
    expect(readdirSync(join(home, 'uploads'))).toEqual([]);
  });

  it('refuses an upload larger than the free disk space, saying how much is needed and free', () => {
    const uploads = new Uploads(home);
    mkdirSync(join(home, 'uploads'), { recursive: true });
    const free = freeBytes(join(home, 'uploads'));
    let message = '';
    try {
      uploads.begin('huge.csv', free + 10e9);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/cannot upload 'huge\.csv': it needs \d+ MB but only \d+ MB are free on the disk of .*uploads; free some space there or start the lab with --home on a larger disk/);
    expect(readdirSync(join(home, 'uploads'))).toEqual([]); // nothing opened
    // what other uploads announced counts as taken
    const half = Math.floor(free / 2) + 1e6;
    const first = uploads.begin('first.csv', half);
    expect(() => uploads.begin('second.csv', half)).toThrow(/plus \d+ MB for uploads in progress/);
    uploads.cancel(first);
  });
});

describe('sweepAbandonedUploads', () => {
  it('removes folders of labs that no longer run and of the old layout, keeps live labs\' folders', () => {
    const dir = join(home, 'uploads');
    const make = (name: string) => {
      mkdirSync(join(dir, name), { recursive: true });
      writeFileSync(join(dir, name, 'part.csv'), 'a,b\n1');
      return name;
    };
    const dead = make(`2147483646-${randomUUID()}`); // above any pid_max: that lab is gone
    const mine = make(`${process.pid}-${randomUUID()}`);
    const init = make(`1-${randomUUID()}`); // pid 1 always runs
    const oldLayout = make(randomUUID());
    const removed = sweepAbandonedUploads(dir).map((p) => p.slice(dir.length + 1)).sort();
    expect(removed).toEqual([dead, oldLayout].sort());
    expect(existsSync(join(dir, mine, 'part.csv'))).toBe(true);
    expect(existsSync(join(dir, init))).toBe(true);
  });

  it('runs when a lab opens its uploads', () => {
    const stale = join(home, 'uploads', `2147483646-${randomUUID()}`);
    mkdirSync(stale, { recursive: true });
    new Uploads(home);
    expect(existsSync(stale)).toBe(false);
  });
});
