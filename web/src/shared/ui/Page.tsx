import { Anchor, Box, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from './use-page-title';

export type Crumb = { label: string; to?: string };

type PageProps = {
  title: string;
  /** Shown in the tab title when it should differ from the heading. */
  documentTitle?: string;
  description?: ReactNode;
  breadcrumbs?: Crumb[];
  actions?: ReactNode;
  children: ReactNode;
};

export const Page = ({ title, documentTitle, description, breadcrumbs, actions, children }: PageProps) => {
  const { t } = useTranslation();
  usePageTitle(documentTitle ?? title);
  return (
    <Stack gap="lg">
      <Box>
        {breadcrumbs && breadcrumbs.length > 0 && (
          <Box component="nav" aria-label={t('a11y.breadcrumb')} mb={6}>
            <Breadcrumbs separator="›" separatorMargin={6} fz="sm">
              {breadcrumbs.map((crumb) =>
                crumb.to ? (
                  <Anchor key={crumb.label} component={Link} to={crumb.to} fz="sm">
                    {crumb.label}
                  </Anchor>
                ) : (
                  <Text key={crumb.label} fz="sm" c="dimmed" component="span">
                    {crumb.label}
                  </Text>
                ),
              )}
            </Breadcrumbs>
          </Box>
        )}
        <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
          <Box>
            <Title order={1} fz={26}>
              {title}
            </Title>
            {description && (
              <Text c="dimmed" mt={4}>
                {description}
              </Text>
            )}
          </Box>
          {actions && <Group gap="sm">{actions}</Group>}
        </Group>
      </Box>
      {children}
    </Stack>
  );
};
