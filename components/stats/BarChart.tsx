import { barShares, verticalColumns, type Datum } from '@/lib/stats/chart';

interface ChartProps {
  id: string;
  title: string;
  description: string;
  data: Datum[];
  dir: 'ltr' | 'rtl';
  locale: string;
  orientation?: 'horizontal' | 'vertical';
  labelHeader: string;
  valueHeader: string;
  tableSummary: string;
  tickEvery?: number;
}

/**
 * A bar chart rendered on the server, then the same data as a table (for screen readers,
 * text-only browsers and print). Labels and values are HTML text at the page's size, so they
 * wrap and stay readable on a phone in every language; only bars are drawn, as SVG shapes (no
 * inline style: the CSP forbids them). The chart is an image named by its title and described
 * by its description; mirrored for right-to-left pages.
 */
export function BarChart(props: ChartProps) {
  const { id, title, description, data, dir, locale, orientation = 'horizontal', labelHeader, valueHeader, tableSummary } = props;
  const nf = new Intl.NumberFormat(locale);
  const fmt = (n: number) => nf.format(n);
  return (
    <figure className="chart mt-4">
      <div role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <span id={`${id}-title`} hidden>
          {title}
        </span>
        <span id={`${id}-desc`} hidden>
          {description}
        </span>
        {orientation === 'horizontal' ? <Bars data={data} dir={dir} fmt={fmt} /> : <Columns data={data} dir={dir} tickEvery={props.tickEvery ?? 1} />}
      </div>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand underline">{tableSummary}</summary>
        <table className="mt-2 border-collapse">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col" className="border border-line px-2 py-1 text-start">
                {labelHeader}
              </th>
              <th scope="col" className="border border-line px-2 py-1 text-end">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.map((d, i) => (
              <tr key={i}>
                <th scope="row" className="border border-line px-2 py-1 text-start font-normal">
                  {d.label}
                </th>
                <td className="border border-line px-2 py-1 text-end tabular-nums">{fmt(d.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** One row per category: the label (whole, wrapping), then the bar and its value. */
function Bars({ data, dir, fmt }: { data: Datum[]; dir: 'ltr' | 'rtl'; fmt: (n: number) => string }) {
  const { bars } = barShares(data, { dir, format: fmt });
  return (
    <ol className="space-y-2">
      {bars.map((b, i) => (
        <li key={i} className="grid grid-cols-1 items-center gap-x-3 text-sm md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
          <span data-chart-label className="text-ink">
            {b.label}
          </span>
          <span className="flex items-center gap-2">
            <svg className="h-4 min-w-0 flex-1" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
              <rect x="0" y="0" width="100" height="10" fill="#f6f7fb" />
              <rect x={b.x} y="0" width={b.width} height="10" fill="#1d3f8f" />
            </svg>
            <span className="min-w-[3ch] text-end tabular-nums">{b.valueText}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** A time series: columns drawn to scale, one tick label in `tickEvery` below them. */
function Columns({ data, dir, tickEvery }: { data: Datum[]; dir: 'ltr' | 'rtl'; tickEvery: number }) {
  const width = data.length * 10;
  const layout = verticalColumns(data, { dir, width, height: 100, pad: { top: 2, bottom: 0, side: 0 } });
  return (
    <div>
      <svg className="block h-40 w-full border-b border-muted" viewBox={`0 0 ${width} 100`} preserveAspectRatio="none" aria-hidden="true" focusable="false">
        {layout.bars.map((b, i) => (
          <rect key={i} x={b.x} y={b.y} width={b.width} height={b.height} fill="#1d3f8f" />
        ))}
      </svg>
      <ol className="flex text-xs text-muted" aria-hidden="true">
        {data.map((d, i) => (
          <li key={i} className="min-w-0 flex-1 basis-0 whitespace-nowrap pt-1 text-center">
            {i % tickEvery === 0 ? <span data-chart-label>{d.label}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
