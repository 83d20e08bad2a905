import { Button, Card, EmptyState } from '@mantine/core';
import { IconCompassOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../shared/ui/use-page-title';

type NotFoundContentProps = {
  title: string;
  description: string;
  backTo: string;
  backLabel: string;
};

/** "Not found" inside the portal: an unknown address, or a record that is not (or no longer) there. */
export const NotFoundContent = ({ title, description, backTo, backLabel }: NotFoundContentProps) => {
  usePageTitle(title);
  return (
    <Card py={56}>
      <EmptyState
        icon={<IconCompassOff size={32} aria-hidden="true" />}
        withIndicatorBackground
        size="lg"
        title={<h1 style={{ font: 'inherit', margin: 0 }}>{title}</h1>}
        description={description}
      >
        <EmptyState.Actions>
          <Button component={Link} to={backTo}>
            {backLabel}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Card>
  );
};

export const NotFoundPage = () => {
  const { t } = useTranslation();
  return (
    <NotFoundContent title={t('notFound.title')} description={t('notFound.description')} backTo="/" backLabel={t('notFound.home')} />
  );
};
