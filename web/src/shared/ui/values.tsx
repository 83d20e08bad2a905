import { Text, type TextProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

// How lists and detail pages show the values they have in common, the same everywhere.

/** "—" for a value that is not there. */
export const Dash = () => (
  <Text span fz="sm" c="dimmed">
    —
  </Text>
);

const tabular = { fontVariantNumeric: 'tabular-nums' } as const;

/** A phone number in its international form (figures lined up), or a dash. */
export const PhoneText = ({ msisdn, ...props }: { msisdn: string | null } & TextProps) => {
  const format = useFormat();
  if (!msisdn) return <Dash />;
  return (
    <Text fz="sm" className="fd-nowrap" style={tabular} {...props}>
      {format.phone(msisdn)}
    </Text>
  );
};

/** An ICCID in the groups of four printed on the card, or a dash. */
export const IccidText = ({ iccid, ...props }: { iccid: string | null } & TextProps) => {
  const format = useFormat();
  if (!iccid) return <Dash />;
  return (
    <Text fz="sm" className="fd-nowrap" style={tabular} {...props}>
      {format.iccid(iccid)}
    </Text>
  );
};

/** A line's SIM: physical card or eSIM profile, and its ICCID under it; a dash without one. */
export const SimSummary = ({ sim }: { sim: { kind: 'physical' | 'esim'; iccid: string } | null }) => {
  const { t } = useTranslation();
  if (!sim) return <Dash />;
  return (
    <>
      <Text fz="sm">{t(`overview.simKind.${sim.kind}`)}</Text>
      <IccidText iccid={sim.iccid} fz="xs" c="dimmed" />
    </>
  );
};
