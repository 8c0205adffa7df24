import { describe, expect, it } from 'vitest';
import { barShares, niceMax, verticalColumns } from '../../lib/stats/chart';

describe('bar charts', () => {
  const data = [
    { label: 'a', value: 10 },
    { label: 'b', value: 5 },
    { label: 'c', value: 0 },
  ];
  it('rounds the scale up', () => {
    expect(niceMax(7)).toBe(10);
    expect(niceMax(23)).toBe(25);
    expect(niceMax(0)).toBe(1);
  });
  it('grows bars from the start side, mirrored in RTL', () => {
    const ltr = barShares(data, { dir: 'ltr' });
    const rtl = barShares(data, { dir: 'rtl' });
    expect(ltr.bars.map((b) => b.width)).toEqual([100, 50, 0]);
    expect(rtl.bars.map((b) => b.width)).toEqual([100, 50, 0]);
    expect(ltr.bars.every((b) => b.x === 0)).toBe(true);
    expect(rtl.bars.map((b) => b.x + b.width)).toEqual([100, 100, 100]);
  });
  it('runs time from right to left in RTL', () => {
    const ltr = verticalColumns(data, { dir: 'ltr', width: 300 });
    const rtl = verticalColumns(data, { dir: 'rtl', width: 300 });
    expect(ltr.bars[0].x).toBeLessThan(ltr.bars[1].x);
    expect(rtl.bars[0].x).toBeGreaterThan(rtl.bars[1].x);
    expect(rtl.bars[0].height).toBe(ltr.bars[0].height);
    expect(ltr.bars[0].y + ltr.bars[0].height).toBe(ltr.axis.y1);
  });
  it('formats values with the given formatter', () => {
    const l = barShares([{ label: 'x', value: 1234567 }], { dir: 'ltr', format: (n) => new Intl.NumberFormat('ar').format(n) });
    expect(l.bars[0].valueText).toBe(new Intl.NumberFormat('ar').format(1234567));
  });
});
