// Exported files over serve mode (GET /exports/<name>): a real run's ONNX export downloads byte-identical
// as an attachment; without the token it is refused; nothing outside the lab's exports folder is served
// (../, encoded ../, a symlink leading out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Lab } from '../lab/lab';
import { startServer, type RunningServer } from './server';

let dir: string;
let lab: Lab;
let server: RunningServer;

const ok = <T>(r: unknown): T => {
  if (!(r as { ok: boolean }).ok) throw new Error(JSON.stringify(r));
  return (r as { result: T }).result;
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gatelab-serve-exports-'));
  const ui = join(dir, 'ui');
  mkdirSync(ui, { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>GateLab</title>');
  writeFileSync(join(dir, 'secret.txt'), 'do not serve me');
  lab = await Lab.open({ home: join(dir, 'home'), face: 'serve' });
  server = await startServer({ lab, rendererDir: ui, port: 0 });
});
afterAll(async () => {
  await server.close();
  await lab.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Buffer; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host: `127.0.0.1:${server.port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}
const cookie = () => ({ cookie: `gatelab_token_${server.port}=${server.token}` });

describe('serve mode exported files', () => {
  it("downloads a trained run's ONNX export byte-identical, as an attachment, only with the token", async () => {
    const config = { epochs: 1, batchSize: 64, data: { kind: 'synthetic', samples: 512 } };
    const { runIds } = ok<{ runIds: string[] }>(await lab.dispatch('runs.start', { template: 'demo-gated', datasetId: 'synthetic', seeds: 1, config }));
    const id = runIds[0];
    for (let status = ''; status !== 'completed';) {
      status = ok<{ status: string }>(await lab.dispatch('runs.get', { id })).status;
      if (status === 'failed') throw new Error('run failed');
      await new Promise((r) => setTimeout(r, 100));
    }
    const exported = ok<{ path: string; bytes: number }>(await lab.dispatch('runs.export', { id, format: 'onnx' }));
    const name = basename(exported.path);
    const file = readFileSync(exported.path);

    const missing = await get(`/exports/${name}`);
    expect(missing.status).toBe(401);
    expect(await get(`/exports/${name}?token=wrong`)).toMatchObject({ status: 401 });

    const viaCookie = await get(`/exports/${name}`, cookie());
    expect(viaCookie.status).toBe(200);
    expect(viaCookie.body.equals(file)).toBe(true);
    expect(viaCookie.headers['content-type']).toBe('application/octet-stream');
    expect(viaCookie.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(viaCookie.headers['content-length']).toBe(String(file.length));
    expect((await get(`/exports/${name}?token=${server.token}`)).body.equals(file)).toBe(true);

    const csv = ok<{ path: string }>(await lab.dispatch('runs.export', { id, format: 'metrics-csv' }));
    const got = await get(`/exports/${basename(csv.path)}`, cookie());
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(got.body.equals(readFileSync(csv.path))).toBe(true);
  }, 120_000);

  it('refuses anything outside the exports folder', async () => {
    for (const path of ['/exports/../home/lab.sqlite', '/exports/%2e%2e/%2e%2e/secret.txt', '/exports/..%2f..%2fsecret.txt', '/exports/', '/exports/a%00b'])
      expect((await get(path, cookie())).status, path).toBe(400);
    // a symlink planted inside exports/ pointing out of it
    symlinkSync(join(dir, 'secret.txt'), join(lab.paths.exports, 'link.txt'));
    const link = await get('/exports/link.txt', cookie());
    expect(link.status).toBe(400);
    expect(link.body.toString()).not.toContain('do not serve me');
    expect((await get('/exports/nothing-here.onnx', cookie())).status).toBe(404);
    expect((await get('/', cookie())).status).toBe(200); // the server carries on
  });
});
