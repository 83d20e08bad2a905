import { Box, Group, Radio, SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';
import type { ReactNode } from 'react';

export type Choice<T extends string> = {
  value: T;
  title: ReactNode;
  description?: ReactNode;
  /** Non-interactive extras under the description: a price, a stock count. */
  extra?: ReactNode;
  disabled?: boolean;
};

type ChoiceCardsProps<T extends string> = {
  /** Field id: its first card takes focus when the server puts an error on it. */
  id: string;
  label: ReactNode;
  description?: ReactNode;
  value: T | null;
  onChange: (value: T) => void;
  choices: Choice<T>[];
  error?: ReactNode;
  cols?: SimpleGridProps['cols'];
};

/**
 * One choice out of a few, as cards (a radio group: arrow keys move between the cards). Each
 * card is named by its title and described by its text, so a screen reader reads both.
 */
export const ChoiceCards = <T extends string>({ id, label, description, value, onChange, choices, error, cols = 1 }: ChoiceCardsProps<T>) => (
  <Radio.Group id={id} label={label} description={description} value={value} onChange={(next) => onChange(next as T)} error={error}>
    <SimpleGrid cols={cols} spacing="sm" mt="xs">
      {choices.map((choice) => {
        const checked = choice.value === value;
        const titleId = `${id}-${choice.value}-title`;
        const descriptionId = `${id}-${choice.value}-description`;
        return (
          <Radio.Card
            key={choice.value}
            value={choice.value}
            disabled={choice.disabled}
            p="md"
            aria-labelledby={titleId}
            aria-describedby={choice.description || choice.extra ? descriptionId : undefined}
            style={{
              // a button centres its content; cards of one row must start at the top
              display: 'flex',
              alignItems: 'flex-start',
              textAlign: 'start',
              borderColor: checked ? 'var(--mantine-color-indigo-8)' : error ? 'var(--mantine-color-error)' : undefined,
              backgroundColor: checked ? 'var(--mantine-color-indigo-0)' : choice.disabled ? 'var(--mantine-color-gray-0)' : undefined,
              cursor: choice.disabled ? 'not-allowed' : undefined,
            }}
          >
            <Group wrap="nowrap" align="flex-start" gap="sm">
              <Radio.Indicator disabled={choice.disabled} mt={2} aria-hidden="true" />
              <Box style={{ minWidth: 0 }}>
                <Text id={titleId} fw={600} fz="sm" c={choice.disabled ? 'dimmed' : undefined}>
                  {choice.title}
                </Text>
                {(choice.description || choice.extra) && (
                  <Box id={descriptionId}>
                    {choice.description && (
                      <Text fz="sm" c="dimmed" mt={2}>
                        {choice.description}
                      </Text>
                    )}
                    {choice.extra}
                  </Box>
                )}
              </Box>
            </Group>
          </Radio.Card>
        );
      })}
    </SimpleGrid>
  </Radio.Group>
);
