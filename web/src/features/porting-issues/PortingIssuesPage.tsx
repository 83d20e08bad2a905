import { Alert, Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PortingIssue } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { useOperator } from '../auth/session';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { userPath } from '../mobile-users/UsersListPage';
import { servicePath } from '../services/ServiceDetailPage';
import { CorrectPortModal } from './CorrectPortModal';
import { usePortingIssues, type PortingIssueListParams } from './api';
import { PortingIssueCells, PortingIssueHead } from './PortingIssueCells';
import { useCan } from '../auth/can';

const readParams = (searchParams: URLSearchParams): PortingIssueListParams => ({
  q: searchParams.get('q') ?? '',
  ...readPaging(searchParams),
});

export const PortingIssuesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const portal = useOperator().data?.portalName ?? 'MyDstny';
  const crumbs = useSelfServiceCrumbs().slice(0, 2);
  const mayChange = useCan('services.change');
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = usePortingIssues(params);
  const box = useSearchBox(params.q, update);
  const [editing, setEditing] = useState<PortingIssue | null>(null);
  const data = query.data;

  return (
    <Page
      title={t('nav.portingIssues')}
      breadcrumbs={crumbs}
      description={data && data.total > 0 ? t('portingIssues.count', { count: data.total, formatted: format.number(data.total) }) : t('portingIssues.intro')}
    >
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('portingIssues.explainTitle')}>
        {t('portingIssues.explain', { portal })}
      </Alert>
      <ListScaffold
        query={query}
        search={{ label: t('portingIssues.searchLabel'), placeholder: t('portingIssues.searchPlaceholder'), box }}
        empty={
          params.q ? (
            <NoMatch title={t('portingIssues.noMatch', { q: params.q })} description={t('portingIssues.noMatchHint')} onClear={box.clear} clearLabel={t('actions.clearSearch')} />
          ) : (
            <ListEmpty icon={<IconCircleCheck size={28} aria-hidden="true" />} title={t('portingIssues.emptyTitle')} description={t('portingIssues.emptyHint')} />
          )
        }
        table={{
          label: t('portingIssues.tableLabel'),
          minWidth: 940,
          columns: 6,
          head: (
            <>
              <Table.Th>{t('portingIssues.columns.user')}</Table.Th>
              <PortingIssueHead />
              <Table.Th>
                <VisuallyHidden>{t('portingIssues.columns.action')}</VisuallyHidden>
              </Table.Th>
            </>
          ),
        }}
        row={(item) => (
          <Table.Tr key={item.serviceId} style={{ verticalAlign: 'top' }}>
            <Table.Td className="fd-nowrap">
              <Anchor component={Link} to={userPath(item.mobileUserId)} fz="sm" fw={600}>
                {item.userName}
              </Anchor>
              <Text fz="sm">
                <Anchor component={Link} to={servicePath(item.serviceId)} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.phone(item.msisdn)}
                </Anchor>
              </Text>
              <Text fz="xs" c="dimmed">
                {item.serviceType.name}
              </Text>
            </Table.Td>
            <PortingIssueCells item={item} />
            <Table.Td ta="right">
              {mayChange && <Button
                size="xs"
                variant="light"
                leftSection={<IconPencil size={14} aria-hidden="true" />}
                onClick={() => setEditing(item)}
                // the visible words first, so speech control finds the button by what it shows
                aria-label={`${t('portingIssues.correct')} – ${format.phone(item.msisdn)} (${item.userName})`}
              >
                {t('portingIssues.correct')}
              </Button>}
            </Table.Td>
          </Table.Tr>
        )}
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />

      <CorrectPortModal issue={editing} onClose={() => setEditing(null)} />
    </Page>
  );
};
