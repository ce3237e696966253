import { describe, expect, it } from 'vitest';
import { statInfo, statWords } from './gate-stats';

describe('gate statistic captions and ranges', () => {
  it('fixes the axis of bounded statistics: openness and dropped are 0…1 shares, entropy 0…ln k with its reference', () => {
    expect(statInfo('gate1', 'openness')?.range).toEqual([0, 1]);
    expect(statInfo('router', 'dropped')?.range).toEqual([0, 1]);
    const e = statInfo('router', 'entropy', 4)!;
    expect(e.range![1]).toBeCloseTo(Math.log(4), 12);
    expect(e.reference).toEqual({ value: Math.log(4), label: 'ln 4' });
    expect(statInfo('selection', 'entropy')?.range).toBeUndefined(); // k unknown: no made-up bound
    expect(statInfo('router', 'balance')?.reference?.value).toBe(1);
    expect(statInfo('block0.gate', 'openness_by_channel')).toMatchObject({ range: [0, 1], caption: expect.stringMatching(/^Mean gate value of each channel \(rows\).*a channel the gate shuts/) });
  });

  it('explains auxiliary losses and leaves unknown statistics alone', () => {
    expect(statInfo('loss.router', 'load_cv2')?.caption).toContain('CV²');
    expect(statInfo('loss.router', 'some_new_term')?.caption).toContain('Auxiliary loss');
    expect(statInfo('gate1', 'made_up')).toBeNull();
    expect(statWords('first_token_attention')).toBe('first-token attention');
    expect(statWords('per_head_mean')).toBe('per head mean');
  });
});

describe('MMoE task gate weights (audit A11)', () => {
  it("captions a task gate's expert weights; other 'weights' stay unexplained rather than wrong", () => {
    expect(statInfo('gate.task1', 'weights')).toMatchObject({ range: [0, 1], caption: expect.stringMatching(/^Mean weight this task's gate gives each shared expert/) });
    expect(statInfo('fusion', 'weights')).toBeNull();
  });
});

describe('statInfo captions that must not misread a value', () => {
  it('balance: says it can dip below 1 (a Sinkhorn run shows 0.985), not "1 = perfectly even"', () => {
    const c = statInfo('router', 'balance')!.caption;
    expect(c).not.toMatch(/perfectly even/);
    expect(c).toMatch(/N·Σ f·P/);
    expect(c).toMatch(/1 when load and probability are both even/);
    expect(c).toMatch(/below 1 when load and probability disagree/);
  });
  it('dropped (training): tokens this training batch dropped', () => {
    expect(statInfo('router', 'dropped')!.caption).toMatch(/training batch/);
  });
});
