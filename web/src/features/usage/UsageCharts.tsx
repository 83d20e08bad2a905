import '@mantine/charts/styles.css';
import { AreaChart, BarChart } from '@mantine/charts';
import { useFormat } from '../../shared/i18n/format';
import { dataUnits, gigabytes } from './usage-format';

// The usage charts (Mantine's, drawn by recharts): this module is its own chunk, fetched when a page
// first shows a chart, so neither the sign-in page nor any page without a chart pays for it.
// Each chart carries its figures in words too (`label`), for people who cannot see it.

type DayFigures = { day: string; dataMb: number; voiceMin: number };

/** The company's month by day: data (GB) and call minutes. */
export const DailyUsageChart = ({ days, label, dataLabel, voiceLabel }: { days: DayFigures[]; label: string; dataLabel: string; voiceLabel: string }) => {
  const format = useFormat();
  const data = days.map((d) => ({ day: format.calendarDate(d.day).replace(/\s?\d{4}$/, ''), data: gigabytes(d.dataMb), voice: d.voiceMin }));
  return (
    <div role="img" aria-label={label}>
      <AreaChart
        h={260}
        data={data}
        dataKey="day"
        series={[
          { name: 'data', label: dataLabel, color: 'indigo.6', yAxisId: 'left' },
          { name: 'voice', label: voiceLabel, color: 'teal.6', yAxisId: 'right' },
        ]}
        withRightYAxis
        withLegend
        curveType="monotone"
        valueFormatter={(value) => format.number(value)}
        tickLine="y"
        gridAxis="y"
      />
    </div>
  );
};

type MonthFigures = { month: string; dataMb: number };

/** A line's last months: data used each month (GB), the allowance of the current bundle as a reference. */
export const MonthsChart = ({ months, label, dataLabel }: { months: MonthFigures[]; label: string; dataLabel: string }) => {
  const format = useFormat();
  const monthFormat = new Intl.DateTimeFormat(format.locale, { month: 'short', timeZone: 'UTC' });
  const data = months.map((m) => ({ month: monthFormat.format(new Date(`${m.month}-01T00:00:00Z`)), data: gigabytes(m.dataMb) }));
  return (
    <div role="img" aria-label={label}>
      <BarChart
        h={160}
        data={data}
        dataKey="month"
        series={[{ name: 'data', label: dataLabel, color: 'indigo.6' }]}
        valueFormatter={(value) => `${format.number(value)} ${dataUnits(format.locale).gb}`}
        tickLine="none"
        gridAxis="y"
        maxBarWidth={36}
      />
    </div>
  );
};
