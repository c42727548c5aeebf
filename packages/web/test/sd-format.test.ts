// Scores on the pages: two decimals, rounded down like the report's, and the gap figures that go with them.
import { describe, expect, it } from 'vitest';
import { gain2, score2, shortfall2 } from '../src/self-diagnosis/format.ts';

describe('score figures', () => {
  it('shows a score with two decimals, rounded down: a level not reached never reads 0.80', () => {
    expect(score2(0.7996)).toBe('0.79');
    expect(score2(0.8)).toBe('0.80');
    expect(score2(2.4817)).toBe('2.48');
    expect(score2(0.29)).toBe('0.29'); // 0.29 × 100 is 28.999… in binary
    expect(score2(null)).toBe('—');
  });

  it('gives the shortfall so that the score shown plus the shortfall shown make 0.80', () => {
    expect(shortfall2(0.5536)).toBe('0.25'); // 0.55 + 0.25
    expect(shortfall2(0.7996)).toBe('0.01'); // 0.79 + 0.01
    expect(shortfall2(0.85)).toBe('0.00');
  });

  it('shows a gain with two decimals, and a gain too small for them as +<0.01, never +0.00', () => {
    expect(gain2(0.2464)).toBe('+0.25');
    expect(gain2(0.004)).toBe('+<0.01');
    expect(gain2(0.005)).toBe('+0.01');
  });
});
