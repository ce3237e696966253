// Export in the browser face: the lab writes the file on the serve host, and the results table links it
// for download from serve mode's /exports/ route (main/serve/exports.test.ts serves it); the desktop face
// shows the path only. The lab answers through the real dispatch (validated payloads and replies).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/svelte';
import { handlerLab, runSummary } from '../stores/runs-test-lab';
import { openApp } from '../fixtures/open-app';
import type { SystemInfo } from '../../common/lab-api';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

afterEach(() => cleanup());

/** Puts the view's own <style> in the document (jsdom gets no component styles from the test build). */
function useViewStyle(): void {
  const source = readFileSync(fileURLToPath(new URL('./ExportView.svelte', `file://${import.meta.dirname ?? ''}/`)), 'utf8');
  document.head.innerHTML = `<style>${/<style>([\s\S]*)<\/style>/.exec(source)![1]}</style>`;
}

async function exportOnnx(face: SystemInfo['face']) {
  const { lab } = handlerLab({
    'runs.list': () => [runSummary({ id: '3', template: 'tsmixer-gated' })],
    'runs.pausedAtQuit': () => ({ runIds: [] }),
    'runs.export': ({ id, format }) => ({ path: `/srv/gatelab/exports/run-${id}${format === 'onnx' ? '.onnx' : '-metrics.csv'}`, bytes: 2048 }),
  });
  const stores = await openApp(lab, '#/export/3');
  stores.system.info = { version: '0.1.0', face, platform: 'linux-x64', cores: 2, home: '/srv/gatelab', executionProviders: [], unavailable: [], notice: null };
  await fireEvent.click(await screen.findByRole('button', { name: 'Export ONNX model' }));
  return screen.findByTestId('export-results');
}

describe('Export view downloads', () => {
  it('opened from the menu, starts on the run last open in Runs (not the first completed run)', async () => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '9', template: 'gmu', status: 'completed' }), runSummary({ id: '7', template: 'dlinear', status: 'completed' })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
    });
    const stores = await openApp(lab, '#/export');
    stores.router.go('runs', '7');
    stores.router.go('export');
    const pick = (await screen.findByRole('combobox', { name: /Run/ })) as HTMLSelectElement;
    expect(pick.value).toBe('7');
  });

  it('follows the address: #/export/17 after #/export/9 (typed, or Back/Forward) exports and tries run 17', async () => {
    const exported: string[] = [];
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '17', template: 'dlinear', status: 'completed' }), runSummary({ id: '9', template: 'gmu', status: 'completed' })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.export': ({ id }) => (exported.push(id), { path: `/srv/gatelab/exports/run-${id}.onnx`, bytes: 2048 }),
    });
    await openApp(lab, '#/export/9');
    const pick = (await screen.findByRole('combobox', { name: /Run/ })) as HTMLSelectElement;
    await waitFor(() => expect(pick.value).toBe('9')); // (jsdom applies a hash change a task later)
    window.location.hash = '#/export/17';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    await waitFor(() => expect(pick.value).toBe('17'));
    await fireEvent.click(screen.getByRole('button', { name: 'Export ONNX model' }));
    await waitFor(() => expect(exported).toEqual(['17']));
    // Try it is for the run shown (it remounts per run)
    expect(screen.getByTestId('try-run')).toBeTruthy();
    // picking in the select writes the address, so a reload or Back keeps the run shown
    await fireEvent.change(pick, { target: { value: '9' } });
    expect(window.location.hash).toBe('#/export/9');
    await fireEvent.click(screen.getByRole('button', { name: 'Export ONNX model' }));
    await waitFor(() => expect(exported).toEqual(['17', '9']));
    history.replaceState(null, '', '#/'); // the next test's app must not start on this address
  });

  it('lists the files earlier exports wrote after a reload, each once, with its run and a Download link', async () => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'tsmixer-gated', status: 'completed', name: 'tsmixer-gated on grid load', seed: 2 })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.exports': () => [
        { run: '3', format: 'onnx', path: '/srv/gatelab/exports/run-3.onnx', bytes: 4096, modified: '2026-11-30T05:00:00.000Z' },
        { run: '5', format: 'metrics-csv', path: '/srv/gatelab/exports/run-5-metrics.csv', bytes: 100, modified: '2026-11-30T04:00:00.000Z' },
      ],
      'runs.export': () => ({ path: '/srv/gatelab/exports/run-3.onnx', bytes: 5000 }),
    });
    const stores = await openApp(lab, '#/export/3');
    stores.system.info = { version: '0.1.0', face: 'serve', platform: 'linux-x64', cores: 2, home: '/srv/gatelab', executionProviders: [], unavailable: [], notice: null };
    const table = await screen.findByTestId('export-results');
    const rows = () => [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent + ' ' + tr.querySelectorAll('td')[1].textContent);
    expect(rows()).toEqual(['#3 · s2 · tsmixer-gated on grid load onnx', 'run 5 metrics-csv']);
    expect(screen.getAllByTestId('export-download')).toHaveLength(2);
    // exporting the same file again lists it once, with its new size
    await fireEvent.click(screen.getByRole('button', { name: 'Export ONNX model' }));
    await screen.findByText('4.9 KB');
    expect(rows()).toEqual(['#3 · s2 · tsmixer-gated on grid load onnx', 'run 5 metrics-csv']);
  });

  it("the gate report's feature-importance CSV is listed beside it after the export (it was written but never listed)", async () => {
    let written: { run: string; format: 'gate-report' | 'feature-importance'; path: string; bytes: number; modified: string }[] = [];
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'finalmlp', status: 'completed', name: 'finalmlp on clicks', seed: 0 })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.exports': () => written,
      'runs.export': () => {
        written = [
          { run: '3', format: 'gate-report', path: '/srv/gatelab/exports/run-3-gate-report.html', bytes: 9000, modified: '2026-11-30T05:00:00.000Z' },
          { run: '3', format: 'feature-importance', path: '/srv/gatelab/exports/run-3-feature-importance.csv', bytes: 300, modified: '2026-11-30T05:00:00.000Z' },
        ];
        return { path: '/srv/gatelab/exports/run-3-gate-report.html', bytes: 9000 };
      },
    });
    await openApp(lab, '#/export/3');
    await fireEvent.click(await screen.findByRole('button', { name: 'Export Gate report (HTML)' }));
    const table = await screen.findByTestId('export-results');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(2));
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(1, 3).map((td) => td.textContent!.trim()));
    expect(rows).toEqual([['gate-report', '/srv/gatelab/exports/run-3-gate-report.html'], ['feature-importance', '/srv/gatelab/exports/run-3-feature-importance.csv']]);
  });

  it('lists the ONNX file Try it writes at once, and what another window or the CLI wrote when the window is back in focus', async () => {
    const folder: { run: string; format: 'onnx' | 'metrics-csv'; path: string; bytes: number; modified: string }[] = [];
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'dlinear', status: 'completed', name: 'dlinear on loads', seed: 1 })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.get': ({ id }) => ({ ...runSummary({ id, template: 'dlinear', status: 'completed' }), config: { model: { horizon: 2, channels: 1 } } }),
      'runs.exports': () => folder,
      // the lab exports the run's model before predicting (main/lab/lab/try-it.ts)
      'runs.try': ({ id }) => {
        folder.unshift({ run: id, format: 'onnx', path: `/srv/gatelab/exports/run-${id}.onnx`, bytes: 4096, modified: '2026-11-30T05:00:00.000Z' });
        return { task: 'regression', prediction: 'forecast', target: 'y', testRows: 5, onnxPath: `/srv/gatelab/exports/run-${id}.onnx`, rows: [{ row: 0, prediction: [0.1, 0.2], target: [0.1, 0.3] }] };
      },
    });
    await openApp(lab, '#/export/3');
    await fireEvent.click(await screen.findByTestId('try-run'));
    const table = await screen.findByTestId('export-results');
    const rows = () => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent!.trim()));
    expect(rows()).toEqual([['#3 · s1 · dlinear on loads', 'onnx', '/srv/gatelab/exports/run-3.onnx']]);

    // `gatelab export 3 --format metrics-csv` in a terminal meanwhile; the user comes back to the window
    folder.unshift({ run: '3', format: 'metrics-csv', path: '/srv/gatelab/exports/run-3-metrics.csv', bytes: 100, modified: '2026-11-30T06:00:00.000Z' });
    window.dispatchEvent(new FocusEvent('focus'));
    await waitFor(() => expect(rows().map((r) => r[2])).toEqual(['/srv/gatelab/exports/run-3-metrics.csv', '/srv/gatelab/exports/run-3.onnx']));
  });

  it("shows and announces the export's note: a re-export without preprocessing went beside the file that has it", async () => {
    const note = "/srv/gatelab/exports/run-3.onnx has run 3's preprocessing and was kept; this export lacks it (run 3's dataset was deleted: its feature pipeline cannot be re-derived; the model is exported without it), so it was written beside it as run-3-no-preprocessing.onnx";
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'dlinear', status: 'completed' })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.exports': () => [],
      // the reply passes the real dispatch: a note the schema did not carry would never reach the view
      'runs.export': () => ({ path: '/srv/gatelab/exports/run-3-no-preprocessing.onnx', bytes: 2048, note }),
    });
    await openApp(lab, '#/export/3');
    await fireEvent.click(await screen.findByRole('button', { name: 'Export ONNX model' }));
    const shown = await screen.findByTestId('export-note');
    expect(shown.textContent).toBe(note);
    // beside the path it explains, in the same cell
    expect(shown.closest('td')!.querySelector('code')!.textContent).toBe('/srv/gatelab/exports/run-3-no-preprocessing.onnx');
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe(`Exported /srv/gatelab/exports/run-3-no-preprocessing.onnx. ${note}`));
  });

  it('an export with nothing to note is announced by its path alone, with no note under it', async () => {
    await exportOnnx('electron');
    await waitFor(() => expect(screen.getByTestId('announcer').textContent).toBe('Exported /srv/gatelab/exports/run-3.onnx'));
    expect(screen.queryByTestId('export-note')).toBeNull();
  });

  it('lists an earlier export without preprocessing with its note (after a reload, or written by the CLI)', async () => {
    const { lab } = handlerLab({
      'runs.list': () => [runSummary({ id: '3', template: 'dlinear', status: 'completed' })],
      'runs.pausedAtQuit': () => ({ runIds: [] }),
      'runs.exports': () => [
        { run: '3', format: 'onnx', path: '/srv/gatelab/exports/run-3-no-preprocessing.onnx', bytes: 2048, modified: '2026-11-30T06:00:00.000Z', note: 'no preprocessing: the run\'s data could not be re-derived when it was written, so it takes inputs prepared as the run\'s were' },
        { run: '3', format: 'onnx', path: '/srv/gatelab/exports/run-3.onnx', bytes: 4096, modified: '2026-11-30T05:00:00.000Z' },
      ],
    });
    await openApp(lab, '#/export/3');
    const table = await screen.findByTestId('export-results');
    await waitFor(() => expect(table.querySelectorAll('tbody tr')).toHaveLength(2));
    const notes = [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('[data-testid="export-note"]')?.textContent ?? null);
    expect(notes).toEqual(['no preprocessing: the run\'s data could not be re-derived when it was written, so it takes inputs prepared as the run\'s were', null]);
  });

  it('links the exported file for download in the browser face (serve mode over SSH)', async () => {
    const table = await exportOnnx('serve');
    expect(table.textContent).toContain('/srv/gatelab/exports/run-3.onnx');
    const link = screen.getByTestId('export-download') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/exports/run-3.onnx');
    expect(link.getAttribute('download')).toBe('run-3.onnx');
    expect(link.textContent).toBe('Download');
    // each row names its run: the table keeps earlier exports of other runs
    expect(table.querySelector('tbody tr td')!.textContent).toBe('#3 · s0 · run 3');
  });

  it("puts the browser face's download note in line with the table's cells, off the card's edges", async () => {
    await exportOnnx('serve');
    const note = screen.getByTestId('export-serve-note');
    expect(note.textContent).toContain('Download brings it to this browser');
    // 10 px in, as table.grid's cells
    useViewStyle();
    expect(getComputedStyle(note).paddingLeft).toBe('10px');
    expect(getComputedStyle(note).paddingBottom).toBe('8px');
    document.head.innerHTML = '';
  });

  it("keeps an export's size and its unit on one line beside a long path ('1.0' above 'MB' at 1400 px)", async () => {
    const table = await exportOnnx('serve');
    const size = table.querySelector('tbody tr')!.lastElementChild as HTMLElement;
    expect(size.textContent).toMatch(/^\d[\d.]* (B|KB|MB)$/);
    useViewStyle();
    expect(getComputedStyle(size).whiteSpace).toBe('nowrap');
    document.head.innerHTML = '';
  });

  it('shows only the path in the desktop face, where the file is already on this machine', async () => {
    const table = await exportOnnx('electron');
    expect(table.textContent).toContain('/srv/gatelab/exports/run-3.onnx');
    expect(screen.queryByTestId('export-download')).toBeNull();
  });
});
