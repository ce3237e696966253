import { describe, expect, it } from 'vitest';
import { clockTime, crashNote, interruptionNote } from './crash-note';

describe('what an interrupted run says after GateLab stopped', () => {
  const now = new Date(2026, 10, 30, 8, 0, 0); // local time, like the user's clock
  const today = new Date(2026, 10, 30, 7, 54, 7, 901).toISOString();
  it('gives the time on the user clock, with the date only for another day', () => {
    expect(clockTime(today, now)).toBe('07:54:07');
    expect(clockTime(new Date(2026, 10, 29, 23, 5, 9).toISOString(), now)).toBe('2026-11-29 23:05:09');
    expect(clockTime('not a time', now)).toBe('not a time');
  });
  it('says when progress stopped and where resume continues, in plain words, naming one step: the resume point', () => {
    const resume = { id: 1, runId: 12, step: 3, epoch: 1, kind: 'epoch', path: 'checkpoints/run-12/epoch-1.ckpt', bytes: 10, metric: null, createdAt: today };
    expect(crashNote({ runId: 12, lastUpdate: today, resume, now }))
      .toBe('GateLab stopped while this run was training (its last progress was at 07:54:07). Resume continues from its last checkpoint, at step 3 (after 1 full epoch). Resume it: gatelab resume 12');
    expect(crashNote({ runId: 4, lastUpdate: today, resume: null, now }))
      .toBe('GateLab stopped while this run was training (its last progress was at 07:54:07). It had no checkpoint yet: resume restarts from step 0. Resume it: gatelab resume 4');
    expect(crashNote({ runId: 4, lastUpdate: today, resume: { problem: 'run 4 cannot resume: every checkpoint it has is damaged (x)' }, now }))
      .toBe('GateLab stopped while this run was training (its last progress was at 07:54:07). run 4 cannot resume: every checkpoint it has is damaged (x). Resume it: gatelab resume 4');
  });
  it("leaves out the heartbeat step: it lags the curves, and the views say the step they reached (180 here, 182 there)", () => {
    const resume = { id: 1, runId: 6, step: 140, epoch: 1, kind: 'epoch', path: 'checkpoints/run-6/epoch-1.ckpt', bytes: 10, metric: null, createdAt: today };
    const note = crashNote({ runId: 6, lastUpdate: today, resume, now });
    expect(note).not.toMatch(/180/);
    expect(note.match(/step \d+/g)).toEqual(['step 140']);
  });
  it('any interruption names the same one step, and what to fix before resuming when there is something', () => {
    const resume = { id: 1, runId: 6, step: 140, epoch: 2, kind: 'pause', path: 'checkpoints/run-6/pause-step-00000140.ckpt', bytes: 10, metric: null, createdAt: today };
    expect(interruptionNote({ runId: 6, why: 'the trainer process was killed (SIGKILL)', resume }))
      .toBe('the trainer process was killed (SIGKILL). Resume continues from its last checkpoint, at step 140 (after 2 full epochs). Resume it: gatelab resume 6');
    expect(interruptionNote({ runId: 6, why: 'the lab could not write to its database /x/gatelab.sqlite (database or disk is full)', resume: null, fixFirst: 'Free disk space on the drive that holds it' }))
      .toBe('the lab could not write to its database /x/gatelab.sqlite (database or disk is full). It had no checkpoint yet: resume restarts from step 0. Free disk space on the drive that holds it, then resume it: gatelab resume 6');
  });
});
