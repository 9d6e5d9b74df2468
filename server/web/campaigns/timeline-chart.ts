import type { PeriodFigures, TimelinePeriods } from '../../core/campaign/timeline-periods';
import type { Language } from '../../core/i18n/language';
import { formatCount } from '../../core/text/format-count';
import { formatDate } from '../../core/time/rome-time';
import type { Translate } from '../i18n/catalog';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 16, right: 12, bottom: 44, left: 48 };
const MAX_X_LABELS = 10;
const Y_TICKS = 4;

/** The smallest "round" number (1, 2, 5 × 10ⁿ) at least `value`: the top of the y axis. */
function niceCeiling(value: number): number {
  if (value <= Y_TICKS) return Y_TICKS;
  const magnitude = 10 ** Math.floor(Math.log10(value / Y_TICKS));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((candidate) => candidate * Y_TICKS >= value)!;
  return step * Y_TICKS;
}

function periodLabel(period: PeriodFigures, unit: TimelinePeriods['unit']): string {
  if (unit === 'month') return formatDate(period.from).slice(3);
  return formatDate(period.from).slice(0, 5);
}

function periodName(period: PeriodFigures, unit: TimelinePeriods['unit']): string {
  if (unit === 'day') return formatDate(period.from);
  if (unit === 'month') return formatDate(period.from).slice(3);
  return `${formatDate(period.from)} – ${formatDate(period.to)}`;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The dashboard's chart as shapes for views/partials/timeline-chart.hbs: two bars per period (letters, deliveries),
 * a y axis with round ticks, at most ten period labels, a title and a description for `role="img"`, and the same
 * figures as table rows (the chart's text alternative). Drawn on the server: no script, no external file.
 */
export function timelineChart(timeline: TimelinePeriods, options: { language: Language; t: Translate }) {
  const { language, t } = options;
  const { unit, periods } = timeline;
  if (periods.length === 0) return null;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const top = niceCeiling(Math.max(...periods.flatMap((period) => [period.letters, period.deliveries])));
  const slot = plotWidth / periods.length;
  const barWidth = Math.max(1, (slot * 0.8) / 2);
  const y = (count: number) => MARGIN.top + plotHeight - (count / top) * plotHeight;
  const labelEvery = Math.ceil(periods.length / MAX_X_LABELS);
  const series = [
    { key: 'letters', label: t('campaign.chart.letters') },
    { key: 'deliveries', label: t('campaign.chart.deliveries') },
  ] as const;
  const totals = { letters: 0, deliveries: 0 };
  for (const period of periods) {
    totals.letters += period.letters;
    totals.deliveries += period.deliveries;
  }
  return {
    width: WIDTH,
    height: HEIGHT,
    title: t('campaign.chart.title'),
    desc: t('campaign.chart.desc', {
      unit: t(`campaign.chart.unit.${unit}`),
      from: formatDate(periods[0]!.from),
      to: formatDate(periods[periods.length - 1]!.to),
      letters: formatCount(totals.letters, language),
      deliveries: formatCount(totals.deliveries, language),
    }),
    axis: { x1: MARGIN.left, x2: WIDTH - MARGIN.right, y: MARGIN.top + plotHeight, top: MARGIN.top },
    yTicks: Array.from({ length: Y_TICKS + 1 }, (_, index) => {
      const value = (top / Y_TICKS) * index;
      return { y: round(y(value)), label: formatCount(value, language), x: MARGIN.left - 6 };
    }),
    bars: periods.flatMap((period, index) =>
      series.map((serie, position) => {
        const count = period[serie.key];
        const barTop = y(count);
        return {
          kind: serie.key,
          x: round(MARGIN.left + index * slot + slot * 0.1 + position * barWidth),
          y: round(barTop),
          width: round(barWidth),
          height: round(MARGIN.top + plotHeight - barTop),
          title: t('campaign.chart.bar', {
            label: serie.label,
            period: periodName(period, unit),
            count: formatCount(count, language),
          }),
        };
      }),
    ),
    xLabels: periods
      .map((period, index) => ({ period, index }))
      .filter(({ index }) => index % labelEvery === 0)
      .map(({ period, index }) => ({
        x: round(MARGIN.left + (index + 0.5) * slot),
        y: MARGIN.top + plotHeight + 18,
        label: periodLabel(period, unit),
      })),
    legend: series.map((serie, index) => ({
      kind: serie.key,
      label: serie.label,
      x: MARGIN.left + index * 140,
      y: HEIGHT - 8,
    })),
    rows: periods.map((period) => ({
      period: periodName(period, unit),
      letters: formatCount(period.letters, language),
      deliveries: formatCount(period.deliveries, language),
    })),
  };
}
