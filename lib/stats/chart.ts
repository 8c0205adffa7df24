/**
 * Layout of simple bar charts drawn as SVG on the server. Pure geometry: the component in
 * components/stats renders it. Horizontal bars (one per category, labels at the start) or
 * vertical columns (a time series). In right-to-left pages the chart is mirrored: bars grow
 * from the right, and time runs from right to left.
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

export function horizontalBars(data: Datum[], o: LayoutOptions): ChartLayout {
  const width = o.width ?? 640;
  const fmt = o.format ?? String;
  const labelWidth = Math.round(width * 0.38);
  const valueWidth = 56;
  const barArea = width - labelWidth - valueWidth - 16;
  const rowH = 28;
  const barH = 18;
  const top = 8;
  const max = niceMax(Math.max(0, ...data.map((d) => d.value)));
  const rtl = o.dir === 'rtl';
  // The baseline: after the labels (at the start side).
  const base = rtl ? width - labelWidth - 8 : labelWidth + 8;
  const bars = data.map((d, i) => {
    const w = Math.round((Math.max(0, d.value) / max) * barArea * 10) / 10;
    const y = top + i * rowH;
    return {
      label: d.label,
      value: d.value,
      valueText: fmt(d.value),
      x: rtl ? base - w : base,
      y: y + (rowH - barH) / 2,
      width: w,
      height: barH,
      labelX: rtl ? width - 4 : 4,
      labelY: y + rowH / 2,
      labelAnchor: rtl ? ('end' as const) : ('start' as const),
      valueX: rtl ? base - w - 6 : base + w + 6,
      valueY: y + rowH / 2,
      valueAnchor: rtl ? ('end' as const) : ('start' as const),
    };
  });
  const height = top * 2 + data.length * rowH;
  return { width, height, bars, axis: { x1: base, y1: top, x2: base, y2: height - top }, max };
}

export function verticalColumns(data: Datum[], o: LayoutOptions & { height?: number }): ChartLayout {
  const width = o.width ?? 720;
  const height = o.height ?? 260;
  const fmt = o.format ?? String;
  const pad = { top: 20, bottom: 36, side: 12 };
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
