import { describe, expect, it } from 'vitest';
import { downloadHref } from './export-link';

describe('downloadHref', () => {
  it("links a file in the lab's exports folder in the browser face only", () => {
    expect(downloadHref('/srv/lab/exports/run-3.onnx', '/srv/lab', 'serve')).toBe('/exports/run-3.onnx');
    expect(downloadHref('/srv/lab/exports/run 3 #1.csv', '/srv/lab/', 'serve')).toBe('/exports/run%203%20%231.csv');
    expect(downloadHref('C:\\Users\\me\\lab\\exports\\run-3.onnx', 'C:\\Users\\me\\lab', 'serve')).toBe('/exports/run-3.onnx');
    expect(downloadHref('/srv/lab/exports/run-3.onnx', '/srv/lab', 'electron')).toBeNull();
    expect(downloadHref('/srv/lab/checkpoints/run-3.ckpt', '/srv/lab', 'serve')).toBeNull();
    expect(downloadHref('/srv/lab/exports/../lab.sqlite', '/srv/lab', 'serve')).toBeNull();
    expect(downloadHref('/srv/lab/exports-old/run-3.onnx', '/srv/lab', 'serve')).toBeNull();
  });
});
