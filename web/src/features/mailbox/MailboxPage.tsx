import { Alert, Anchor, Badge, Box, Card, Container, EmptyState, Grid, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { IconInbox, IconInfoCircle, IconMailOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { MailboxItem, MailboxMessage } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { BrandMark } from '../../shared/ui/BrandMark';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { pagingHandlers, readPaging, useListParams } from '../../shared/ui/list-params';
import { QueryError } from '../../shared/ui/QueryError';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { useOperator } from '../auth/session';
import { useMailbox, useMailboxMessage } from './api';

// The development mailbox: what the portal would have e-mailed, for someone trying the demo.
// It lives outside the signed-in shell: an employee's activation link needs no account either.

const STATUS_COLOR = { queued: 'blue', sending: 'yellow', sent: 'green', kept_in_outbox: 'gray', failed: 'red' } as const;

const statusKey = (m: Pick<MailboxMessage, 'status'> & Partial<Pick<MailboxMessage, 'delivery'>>) =>
  m.status === 'sent' && m.delivery === 'kept_in_outbox' ? 'kept_in_outbox' : m.status;

/** The e-mail's own links open in a new tab; the sandbox (no scripts, no same origin) stays. */
const withLinksInNewTab = (html: string) =>
  html.includes('<head>') ? html.replace('<head>', '<head><base target="_blank">') : `<base target="_blank">${html}`;

const MessageList = ({ items, loading, selectedId, linkTo }: { items: MailboxItem[] | undefined; loading: boolean; selectedId: string | null; linkTo: (id: string) => string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <LabelledTable
      label={t('mailbox.listLabel')}
      minWidth={420}
      verticalSpacing="sm"
      highlightOnHover
      head={
        <>
          <Table.Th>{t('mailbox.columns.message')}</Table.Th>
          <Table.Th>{t('mailbox.columns.received')}</Table.Th>
        </>
      }
    >
      {loading || !items ? (
        <TableSkeletonRows columns={2} rows={5} />
      ) : (
        items.map((m) => {
          const selected = m.id === selectedId;
          return (
            <Table.Tr key={m.id} bg={selected ? 'indigo.0' : undefined} style={{ verticalAlign: 'top' }}>
              <Table.Td>
                <Anchor component={Link} to={linkTo(m.id)} fz="sm" fw={selected ? 700 : 600} aria-current={selected ? 'true' : undefined} style={{ display: 'block' }}>
                  {m.subject}
                </Anchor>
                <Text fz="xs" c="dimmed" mt={2}>
                  {t('mailbox.toLine', { to: m.toName ? `${m.toName} <${m.to}>` : m.to })}
                </Text>
                <Group gap={6} mt={4}>
                  <Badge variant="light" color="indigo" radius="sm" tt="none" size="sm">
                    {t(`mailbox.templates.${m.template}`, { defaultValue: m.template })}
                  </Badge>
                  <Badge variant="outline" color="gray" radius="sm" size="sm" title={t(`languages.${m.language}`)}>
                    {m.language.toUpperCase()}
                  </Badge>
                </Group>
              </Table.Td>
              <Table.Td className="fd-nowrap">
                <Text fz="xs" c="dimmed" component="time" dateTime={m.createdAt}>
                  {format.dateTime(m.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })
      )}
    </LabelledTable>
  );
};

const MessageView = ({ message }: { message: MailboxMessage }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const status = statusKey(message);
  const meta: [string, string][] = [
    [t('mailbox.meta.to'), message.toName ? `${message.toName} <${message.to}>` : message.to],
    [t('mailbox.meta.received'), format.dateTime(message.createdAt)],
    [t('mailbox.meta.language'), t(`languages.${message.language}`)],
    [t('mailbox.meta.template'), t(`mailbox.templates.${message.template}`, { defaultValue: message.template })],
    [t('mailbox.meta.messageId'), message.messageId],
    ...(message.lastError ? ([[t('mailbox.meta.lastError'), message.lastError]] as [string, string][]) : []),
  ];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Title order={2} fz={20}>
          {message.subject}
        </Title>
        <Badge color={STATUS_COLOR[status]} variant="light" radius="sm" tt="none" style={{ flexShrink: 0 }}>
          {t(`mailbox.status.${status}`)}
        </Badge>
      </Group>
      <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 16, rowGap: 4 }}>
        {meta.map(([label, value]) => (
          <Box key={label} style={{ display: 'contents' }}>
            <Text component="dt" fz="sm" c="dimmed">
              {label}
            </Text>
            <Text component="dd" fz="sm" m={0} style={{ wordBreak: 'break-all' }}>
              {value}
            </Text>
          </Box>
        ))}
      </Box>
      <Tabs defaultValue="html" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="html">{t('mailbox.tabs.html')}</Tabs.Tab>
          <Tabs.Tab value="text">{t('mailbox.tabs.text')}</Tabs.Tab>
          <Tabs.Tab value="attachments">{t('mailbox.tabs.attachments', { count: message.attachments.length })}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="html" pt="sm">
          <iframe
            title={t('mailbox.frameTitle', { subject: message.subject })}
            srcDoc={withLinksInNewTab(message.html)}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            style={{ width: '100%', height: 760, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, background: 'white' }}
          />
        </Tabs.Panel>
        <Tabs.Panel value="text" pt="sm">
          <Box
            component="pre"
            tabIndex={0}
            aria-label={t('mailbox.tabs.text')}
            m={0}
            p="md"
            fz="sm"
            style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: 'var(--mantine-color-gray-0)', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6, maxHeight: 760, overflow: 'auto' }}
          >
            {message.text}
          </Box>
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="sm">
          {message.attachments.length === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('mailbox.noAttachments')}
            </Text>
          ) : (
            <Stack gap="sm">
              {message.attachments.map((a) => (
                <Group key={a.filename} gap="md" wrap="nowrap" align="center">
                  {a.contentType.startsWith('image/') && (
                    <img src={a.dataUrl} alt="" width={96} height={96} style={{ border: '1px solid var(--mantine-color-gray-3)', objectFit: 'contain' }} />
                  )}
                  <Box>
                    <Anchor href={a.dataUrl} download={a.filename} fz="sm">
                      {a.filename}
                    </Anchor>
                    <Text fz="xs" c="dimmed">
                      {a.contentType} · {t('mailbox.size', { size: format.number(Math.max(1, Math.round(a.size / 1024))) })}
                      {a.cid ? ` · ${t('mailbox.inline')}` : ''}
                    </Text>
                  </Box>
                </Group>
              ))}
            </Stack>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
};

export const MailboxPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('mailbox.title'));
  const operator = useOperator().data;
  const [searchParams, update] = useListParams();
  const { page, pageSize } = readPaging(searchParams);
  const selectedId = searchParams.get('id');
  const list = useMailbox(page, pageSize);
  const message = useMailboxMessage(selectedId);
  const off = isApiError(list.error) && list.error.status === 404;

  const linkTo = (id: string) => {
    const next = new URLSearchParams(searchParams);
    next.set('id', id);
    return `?${next.toString()}`;
  };

  return (
    <Box mih="100vh" bg="gray.0">
      <Box component="header" px="lg" py="md" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Group gap="sm">
            <BrandMark portalName={operator?.portalName ?? 'MyDstny'} />
            <Badge color="orange" variant="light" radius="sm" tt="none">
              {t('mailbox.badge')}
            </Badge>
          </Group>
          <LanguageSwitch variant="default" />
        </Group>
      </Box>
      <Container component="main" id="main-content" size="xl" py="lg">
        <Stack gap="lg">
          <Box>
            <Title order={1} fz={26}>
              {t('mailbox.title')}
            </Title>
          </Box>
          {!off && (
            <Alert color="orange" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title={t('mailbox.noticeTitle')}>
              {t('mailbox.notice')}
            </Alert>
          )}
          {off ? (
            <Card py={48}>
              <EmptyState icon={<IconMailOff size={28} aria-hidden="true" />} withIndicatorBackground title={t('mailbox.offTitle')} description={t('mailbox.off')} />
            </Card>
          ) : list.isError ? (
            <QueryError error={list.error} onRetry={() => list.refetch()} />
          ) : list.data && list.data.total === 0 ? (
            <Card py={48}>
              <EmptyState icon={<IconInbox size={28} aria-hidden="true" />} withIndicatorBackground title={t('mailbox.emptyTitle')} description={t('mailbox.emptyHint')} />
            </Card>
          ) : (
            <Grid gap="lg" align="flex-start">
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <Card padding={0}>
                  <MessageList items={list.data?.items} loading={list.isLoading} selectedId={selectedId} linkTo={linkTo} />
                  {list.data && (
                    <TableFooter>
                      <TablePager page={page} pageSize={pageSize} total={list.data.total} {...pagingHandlers(update)} />
                    </TableFooter>
                  )}
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Card component="section" aria-label={t('mailbox.messageLabel')}>
                  {!selectedId ? (
                    <Text c="dimmed" fz="sm">
                      {t('mailbox.selectHint')}
                    </Text>
                  ) : message.isError ? (
                    <QueryError error={message.error} onRetry={() => message.refetch()} />
                  ) : message.data ? (
                    <MessageView message={message.data} />
                  ) : (
                    <Text c="dimmed" fz="sm">
                      {t('status.loading')}
                    </Text>
                  )}
                </Card>
              </Grid.Col>
            </Grid>
          )}
        </Stack>
      </Container>
    </Box>
  );
};
