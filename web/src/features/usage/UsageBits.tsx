import { Badge, Box, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LineUsage, UsageBand } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { BAND_COLOR, barValue, dataAmount } from './usage-format';

// A line's usage as the Usage page and the service page both show it.

/** A line's data against its allowance: a bar in its band's colour and the figures under it. */
export const DataBar = ({ line }: { line: Pick<LineUsage, 'dataMb' | 'dataAllowanceMb' | 'dataSharePct' | 'band'> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const used = dataAmount(line.dataMb, format);
  const text =
    line.dataAllowanceMb === null
      ? used
      : t('usage.ofAllowance', { used, allowance: dataAmount(line.dataAllowanceMb, format), share: format.number(line.dataSharePct ?? 0) });
  return (
    <Box miw={160}>
      {line.dataAllowanceMb !== null && (
        <Progress value={barValue(line.dataMb, line.dataAllowanceMb)} color={line.band ? BAND_COLOR[line.band] : 'gray'} size="sm" aria-hidden="true" />
      )}
      <Text fz="xs" mt={4} className="fd-nowrap">
        {text}
      </Text>
    </Box>
  );
};

export const BandBadge = ({ band }: { band: UsageBand | null }) => {
  const { t } = useTranslation();
  if (!band) return null;
  return (
    <Badge variant="light" color={BAND_COLOR[band]} radius="sm" tt="none" fw={600}>
      {t(`usage.band.${band}`)}
    </Badge>
  );
};

