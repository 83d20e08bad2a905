import { Group, Text, ThemeIcon } from '@mantine/core';
import { IconDeviceMobile } from '@tabler/icons-react';

/** The operator's portal name with a small mark; decorative icon only. */
export const BrandMark = ({ portalName, size = 'md' }: { portalName: string; size?: 'md' | 'lg' }) => (
  <Group gap={8} wrap="nowrap">
    <ThemeIcon size={size === 'lg' ? 40 : 32} radius="md" color="indigo" variant="filled" aria-hidden="true">
      <IconDeviceMobile size={size === 'lg' ? 24 : 20} />
    </ThemeIcon>
    <Text component="span" fw={750} fz={size === 'lg' ? 24 : 19} c="indigo.9" style={{ letterSpacing: '-0.02em' }}>
      {portalName}
    </Text>
  </Group>
);
