import { countText } from './numbers';

/**
 * A small bar chart in SVG, drawn here rather than with a chart library (bundle budget). Each bar
 * is a sure part (solid) and a possible part (light) stacked on it. The picture is role="img"
 * with a spoken summary; every section that uses it also offers the same numbers as a table.
 */
export interface Bar {
  key: string;
  solid: number;
  light: number;
}

export interface BarChartProps {
  /** The spoken summary of what the chart shows. */
  summary: string;
  bars: readonly Bar[];
  /** Label under bar `index`, or null for none (keep them sparse). */
  tick: (index: number) => string | null;
  axisTitle: string;
  /** A shaded span along the x axis, in bar units (bar i covers i to i + 1). */
  band?: { from: number; to: number; label: string };
  /** A vertical line at a position in bar units. */
  mark?: { at: number; label: string };
  /** A horizontal line at a value (the limit). */
  limit?: { value: number; label: string };
}

/*
 * The picture scales to its column (down to about 420 px wide), so its text is sized in its own
 * units: 17 of them are 11 px or more on screen (insights.css).
 */
const WIDTH = 640;
const HEIGHT = 240;
const LEFT = 48;
const RIGHT = 12;
const TOP = 44;
const BOTTOM = 48;
const PLOT_W = WIDTH - LEFT - RIGHT;
const PLOT_H = HEIGHT - TOP - BOTTOM;

/** 1, 2, 5, 10, 20, 50 …: an axis top a reader can take in at a glance. */
function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** 0, the middle and the top, or every whole step when the top is small: a scale to read values by. */
function axisTicks(top: number): number[] {
  if (top <= 5) return Array.from({ length: top + 1 }, (_, i) => i);
  return [0, top / 2, top];
}

/** Where things fall in the picture: `x` in bar units (clamped to the plot), `y` in values up to `top`. */
interface Scale {
  top: number;
  slot: number;
  barWidth: number;
  x: (units: number) => number;
  y: (value: number) => number;
}

/** A scale tall enough for the highest bar and the limit line, wide enough for every bar. */
function chartScale(bars: readonly Bar[], limitValue: number): Scale {
  const highest = bars.reduce((max, b) => Math.max(max, b.solid + b.light), Math.max(0, limitValue));
  const top = niceCeiling(highest);
  const slot = PLOT_W / Math.max(1, bars.length);
  return {
    top,
    slot,
    barWidth: Math.max(1, slot * 0.8),
    x: (units: number) => LEFT + Math.min(bars.length, Math.max(0, units)) * slot,
    y: (value: number) => TOP + PLOT_H - (value / top) * PLOT_H,
  };
}

function ChartBand({ band, scale: { x } }: { band: NonNullable<BarChartProps['band']>; scale: Scale }) {
  return (
    <g class="chart-band">
      <rect x={x(band.from)} y={TOP} width={x(band.to) - x(band.from)} height={PLOT_H} />
      <text x={Math.max(x(band.from), LEFT + 120)} y={TOP - 28} text-anchor="end">
        {band.label}
      </text>
    </g>
  );
}

/** The baseline, with gridlines and values up the left side to read the bars by. */
function ValueAxis({ scale: { top, y } }: { scale: Scale }) {
  return (
    <>
      <line class="chart-axis" x1={LEFT} y1={y(0)} x2={WIDTH - RIGHT} y2={y(0)} />
      {axisTicks(top).map((value) => (
        <g key={value}>
          {value > 0 && <line class="chart-grid" x1={LEFT} y1={y(value)} x2={WIDTH - RIGHT} y2={y(value)} />}
          <text class="chart-label" x={LEFT - 6} y={y(value)} text-anchor="end" dominant-baseline="middle">
            {countText(value)}
          </text>
        </g>
      ))}
    </>
  );
}

/** One bar: its sure part, the possible part stacked on it, and its label underneath if it has one. */
function BarColumn({ bar, index, label, scale }: { bar: Bar; index: number; label: string | null; scale: Scale }) {
  const { slot, barWidth, x, y } = scale;
  const left = x(index) + (slot - barWidth) / 2;
  return (
    <g>
      {bar.solid > 0 && (
        <rect class="chart-bar" x={left} y={y(bar.solid)} width={barWidth} height={y(0) - y(bar.solid)} />
      )}
      {bar.light > 0 && (
        <rect
          class="chart-bar-light"
          x={left}
          y={y(bar.solid + bar.light)}
          width={barWidth}
          height={y(bar.solid) - y(bar.solid + bar.light)}
        />
      )}
      {label !== null && (
        <text class="chart-label" x={x(index) + slot / 2} y={y(0) + 20} text-anchor="middle">
          {label}
        </text>
      )}
    </g>
  );
}

function ChartMark({ mark, scale: { x, y } }: { mark: NonNullable<BarChartProps['mark']>; scale: Scale }) {
  return (
    <g class="chart-mark">
      <line x1={x(mark.at)} y1={TOP - 2} x2={x(mark.at)} y2={y(0)} />
      <text x={Math.max(x(mark.at), LEFT + 120)} y={TOP - 6} text-anchor="end">
        {mark.label}
      </text>
    </g>
  );
}

function LimitLine({ limit, scale: { y } }: { limit: NonNullable<BarChartProps['limit']>; scale: Scale }) {
  return (
    <g class="chart-limit">
      <line x1={LEFT} y1={y(limit.value)} x2={WIDTH - RIGHT} y2={y(limit.value)} />
      <text x={WIDTH - RIGHT} y={y(limit.value) - 4} text-anchor="end">
        {limit.label}
      </text>
    </g>
  );
}

export function BarChart({ summary, bars, tick, axisTitle, band, mark, limit }: BarChartProps) {
  const scale = chartScale(bars, limit?.value ?? 0);
  return (
    <svg class="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
      {band && band.to > band.from && <ChartBand band={band} scale={scale} />}
      <ValueAxis scale={scale} />
      {bars.map((bar, index) => (
        <BarColumn key={bar.key} bar={bar} index={index} label={tick(index)} scale={scale} />
      ))}
      {mark && <ChartMark mark={mark} scale={scale} />}
      {limit && <LimitLine limit={limit} scale={scale} />}
      <text class="chart-label" x={LEFT + PLOT_W / 2} y={HEIGHT - 6} text-anchor="middle">
        {axisTitle}
      </text>
    </svg>
  );
}
