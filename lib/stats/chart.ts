/**
 * Geometry of simple bar charts drawn on the server. Pure: the component in components/stats
 * renders it. Horizontal bars (one per category) or vertical columns (a time series). In
 * right-to-left pages the chart is mirrored: bars grow from the right, and time runs from right
 * to left.
 */

export interface Datum {
  label: string;
  value: number;
}

export interface Bar {
  label: string;
  value: number;
  valueText: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the category label goes. Anchors are physical: the SVG is drawn with direction="ltr". */
  labelX: number;
  labelY: number;
  labelAnchor: 'start' | 'end' | 'middle';
  /** Where the value goes. */
  valueX: number;
  valueY: number;
  valueAnchor: 'start' | 'end' | 'middle';
}

export interface ChartLayout {
  width: number;
  height: number;
  bars: Bar[];
  /** Baseline (the axis the bars grow from). */
  axis: { x1: number; y1: number; x2: number; y2: number };
  max: number;
}

export interface LayoutOptions {
  dir: 'ltr' | 'rtl';
  format?: (n: number) => string;
  width?: number;
}

/** Rounded up to 1, 2, 2.5 or 5 × 10^n, so the longest bar keeps some room. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= max) return m * p;
  return 10 * p;
}

/** One horizontal bar, in a 0–100 wide drawing (an SVG viewBox), beside its HTML label and value. */
export interface Share {
  label: string;
  value: number;
  valueText: string;
  /** Where the bar starts and how long it is, 0–100: from the start side, mirrored in RTL. */
  x: number;
  width: number;
}

/**
 * Horizontal bars as shares of the scale's maximum. Labels and values are HTML text beside the
 * bar (they wrap, keep the page's font size and are never cut), only the bar itself is drawn.
 */
export function barShares(data: Datum[], o: LayoutOptions): { max: number; bars: Share[] } {
  const fmt = o.format ?? String;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const bars = data.map((d) => {
    const width = Math.round((Math.max(0, d.value) / max) * 1000) / 10;
    return { label: d.label, value: d.value, valueText: fmt(d.value), x: o.dir === 'rtl' ? Math.round((100 - width) * 10) / 10 : 0, width };
  });
  return { max, bars };
}

export function verticalColumns(
  data: Datum[],
  o: LayoutOptions & { height?: number; pad?: { top: number; bottom: number; side: number } },
): ChartLayout {
  const width = o.width ?? 720;
  const height = o.height ?? 260;
  const fmt = o.format ?? String;
  const pad = o.pad ?? { top: 20, bottom: 36, side: 12 };
  const plotH = height - pad.top - pad.bottom;
  const slot = (width - pad.side * 2) / Math.max(1, data.length);
  const colW = Math.max(2, Math.round(slot * 0.7 * 10) / 10);
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const rtl = o.dir === 'rtl';
  const baseY = height - pad.bottom;
  const bars = data.map((d, i) => {
    const h = Math.round((Math.max(0, d.value) / max) * plotH * 10) / 10;
    // In RTL the first datum is at the right.
    const slotStart = rtl ? width - pad.side - (i + 1) * slot : pad.side + i * slot;
    const x = Math.round((slotStart + (slot - colW) / 2) * 10) / 10;
    const cx = x + colW / 2;
    return {
      label: d.label,
      value: d.value,
      valueText: fmt(d.value),
      x,
      y: baseY - h,
      width: colW,
      height: h,
      labelX: cx,
      labelY: baseY + 14,
      labelAnchor: 'middle' as const,
      valueX: cx,
      valueY: baseY - h - 4,
      valueAnchor: 'middle' as const,
    };
  });
  return { width, height, bars, axis: { x1: pad.side, y1: baseY, x2: width - pad.side, y2: baseY }, max };
}
