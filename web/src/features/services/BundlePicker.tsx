import { Checkbox, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChoiceCards } from '../../shared/ui/ChoiceCards';
import { optionsKeptFor } from './bundle-choice';
import { useServiceText } from './service-text';

type PickerBundle = {
  code: string;
  name: string;
  dataGb: number | null;
  callMinutes: number | null;
  monthlyPriceCents: number;
  options: { code: string; name: string; monthlyPriceCents: number }[];
};

type BundlePickerProps = {
  /** Element ids of the two fields (a server error on one of them focuses it). */
  ids: { bundle: string; options: string };
  bundleLabel: string;
  optionsLabel: string;
  bundles: readonly PickerBundle[];
  value: { bundleCode: string | null; optionCodes: string[] };
  /** The whole new choice: another bundle keeps only the options it offers. */
  onChange: (value: { bundleCode: string; optionCodes: string[] }) => void;
  errors: { bundleCode?: string | undefined; optionCodes?: string | undefined };
  /** Marks a bundle card, e.g. the service's current bundle. */
  badge?: { bundleCode: string; label: ReactNode };
};

/** Bundles as cards (allowance and monthly price), then the chosen bundle's options: the wizard's step 3 and "Manage service". */
export const BundlePicker = ({ ids, bundleLabel, optionsLabel, bundles, value, onChange, errors, badge }: BundlePickerProps) => {
  const { t } = useTranslation();
  const text = useServiceText();
  const bundle = bundles.find((item) => item.code === value.bundleCode) ?? null;
  return (
    <>
      <ChoiceCards
        id={ids.bundle}
        label={bundleLabel}
        value={value.bundleCode}
        onChange={(bundleCode) => onChange({ bundleCode, optionCodes: optionsKeptFor(bundles.find((item) => item.code === bundleCode), value.optionCodes) })}
        error={errors.bundleCode}
        cols={{ base: 1, sm: 2, lg: 3 }}
        choices={bundles.map((item) => ({
          value: item.code,
          title: item.name,
          description: text.allowance(item),
          extra: (
            <Group gap={6} mt={6} wrap="wrap">
              <Text fz="sm" fw={600}>
                {text.perMonth(item.monthlyPriceCents)}
              </Text>
              {badge?.bundleCode === item.code && badge.label}
            </Group>
          ),
        }))}
      />
      {bundle && value.bundleCode && (
        <Checkbox.Group
          id={ids.options}
          label={optionsLabel}
          description={bundle.options.length ? t('wizard.bundle.optionsHint') : t('wizard.bundle.noOptions')}
          value={value.optionCodes}
          onChange={(optionCodes) => onChange({ bundleCode: bundle.code, optionCodes })}
          error={errors.optionCodes}
        >
          <Stack gap="sm" mt="xs">
            {bundle.options.map((option) => (
              <Checkbox key={option.code} value={option.code} label={option.name} description={`+ ${text.perMonth(option.monthlyPriceCents)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
    </>
  );
};
