import { Card, DataList, Group, Title, type CardProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** One labelled value in a DataList. */
export const Detail = ({ label, children }: { label: string; children: ReactNode }) => (
  <DataList.Item>
    <DataList.ItemLabel>{label}</DataList.ItemLabel>
    <DataList.ItemValue>{children}</DataList.ItemValue>
  </DataList.Item>
);

/** A card's heading, with the card's one action (Edit) beside it. */
export const CardHeading = ({ title, action }: { title: string; action?: ReactNode }) =>
  action ? (
    <Group justify="space-between" mb="md" wrap="nowrap">
      <Title order={2} fz="lg">
        {title}
      </Title>
      {action}
    </Group>
  ) : (
    <Title order={2} fz="lg" mb="md">
      {title}
    </Title>
  );

type DetailCardProps = Pick<CardProps, 'h'> & {
  title: string;
  action?: ReactNode;
  /** Room for the longest label, so the values line up. */
  labelWidth: number;
  /** Detail items. */
  children: ReactNode;
};

/** The facts about one thing, as labelled values on a card. */
export const DetailCard = ({ title, action, labelWidth, h, children }: DetailCardProps) => (
  <Card h={h}>
    <CardHeading title={title} action={action} />
    <DataList labelWidth={labelWidth} gap="sm">
      {children}
    </DataList>
  </Card>
);
