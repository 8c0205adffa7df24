import { horizontalBars, verticalColumns, type Datum } from '@/lib/stats/chart';

/**
 * An accessible SVG bar chart rendered on the server: role="img" named by its <title> and
 * described by its <desc>, then the same data as a table (the fallback for screen readers,
 * text-only browsers and print). Mirrored for right-to-left pages.
 */
export function BarChart({
  id,
  title,
  description,
  data,
  dir,
  locale,
  orientation = 'horizontal',
  labelHeader,
  valueHeader,
  tableSummary,
  tickEvery = 1,
}: {
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
}) {
  const nf = new Intl.NumberFormat(locale);
  const fmt = (n: number) => nf.format(n);
  const layout = orientation === 'horizontal' ? horizontalBars(data, { dir, format: fmt }) : verticalColumns(data, { dir, format: fmt });
  // Labels are laid out with physical anchors (the SVG is direction="ltr"); right-to-left text gets
  // its own direction so that ellipses and punctuation sit where a reader of Arabic expects them.
  const flip = (a: 'start' | 'end' | 'middle') => (dir === 'rtl' ? (a === 'start' ? 'end' : a === 'end' ? 'start' : a) : a);
  const short = (s: string) => (Array.from(s).length > 42 ? Array.from(s).slice(0, 40).join('') + '…' : s);
  return (
    <figure className="chart mt-4">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        direction="ltr"
        fontSize="12"
        fontFamily="inherit"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line {...layout.axis} stroke="#4a4f6a" strokeWidth="1" />
        {layout.bars.map((b, i) => (
          <g key={i}>
            <rect x={b.x} y={b.y} width={b.width} height={b.height} fill="#1d3f8f" rx="2" />
            {orientation === 'horizontal' ? (
              <text x={b.labelX} y={b.labelY} textAnchor={flip(b.labelAnchor)} direction={dir} dominantBaseline="middle" fill="#1b1f3b">
                {short(b.label)}
              </text>
            ) : i % tickEvery === 0 ? (
              <text x={b.labelX} y={b.labelY} textAnchor="middle" fill="#4a4f6a" fontSize="10">
                {b.label}
              </text>
            ) : null}
            {orientation === 'horizontal' || b.value > 0 ? (
              <text x={b.valueX} y={b.valueY} textAnchor={b.valueAnchor} dominantBaseline={orientation === 'horizontal' ? 'middle' : 'auto'} fill="#1b1f3b" fontSize={orientation === 'horizontal' ? 12 : 9}>
                {b.valueText}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
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
