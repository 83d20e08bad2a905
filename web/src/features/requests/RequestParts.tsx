import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowRight, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { RequestAddress, RequestDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { ServiceStatusBadge } from '../mobile-users/ServiceStatusBadge';
import { useRequestText } from './request-text';
import { RequestStatusBadge } from './RequestStatusBadge';
import { Detail, DetailCard } from '../../shared/ui/DetailCard';

const Multiline = ({ children }: { children: string }) => (
  <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
    {children}
  </Text>
);

const AddressText = ({ address, name }: { address: RequestAddress; name?: string }) => {
  const format = useFormat();
  return (
    <Text fz="sm">
      {name && (
        <>
          {name}
          <br />
        </>
      )}
      {address.street}
      <br />
      {address.postalCode} {address.city}
      {address.country && address.country !== 'BE' ? `, ${format.country(address.country)}` : ''}
    </Text>
  );
};

/** Status, who and when, and the details of the request's kind. */
export const RequestFactsCard = ({ request, backOffice = false }: { request: RequestDetail; backOffice?: boolean }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useRequestText();
  const d = request.details;
  const day = (v: string | null | undefined) => (v ? format.calendarDate(v) : null);
  return (
    <DetailCard title={t('requests.detail.facts')} labelWidth={200}>
      <Detail label={t('requests.columns.status')}>
        <Group gap="xs">
          <RequestStatusBadge status={request.status} />
          {request.scheduledFor && (request.status === 'scheduled' || request.status === 'done') && (
            <Text fz="sm">{t('requests.detail.plannedFor', { date: format.calendarDate(request.scheduledFor) })}</Text>
          )}
        </Group>
      </Detail>
      <Detail label={t('requests.columns.kind')}>{text.kind(request.kind)}</Detail>
      {backOffice && <Detail label={t('requests.columns.company')}>{request.company.name}</Detail>}
      <Detail label={t('requests.detail.filed')}>
        <Text fz="sm">{t('requests.detail.filedBy', { name: request.filedBy, at: format.dateTime(request.createdAt) })}</Text>
        {backOffice && (
          <Anchor href={`mailto:${request.filedByEmail}`} fz="sm">
            {request.filedByEmail}
          </Anchor>
        )}
      </Detail>
      <Detail label={t('requests.columns.assignee')}>{request.assignedTo?.name ?? <Text fz="sm" c="dimmed">{t('requests.unassigned')}</Text>}</Detail>
      {request.office && (
        <Detail label={request.kind === 'move' ? t('requests.detail.currentOffice') : labels.field('officeId')}>
          <AddressText address={request.office} name={request.office.name} />
        </Detail>
      )}
      {request.kind === 'move' && d.newAddress && (
        <>
          <Detail label={labels.field('newAddress')}>
            <AddressText address={d.newAddress} />
          </Detail>
          <Detail label={labels.field('movingDate')}>{day(d.movingDate)}</Detail>
        </>
      )}
      {request.kind === 'add' && (
        <>
          <Detail label={labels.field('target')}>{t(`requests.target.add_${d.target ?? 'service'}`)}</Detail>
          {d.newOffice && (
            <Detail label={labels.field('newOffice')}>
              <AddressText address={d.newOffice} name={d.newOffice.name} />
            </Detail>
          )}
          <Detail label={labels.field('wanted')}>
            <Multiline>{d.wanted ?? ''}</Multiline>
          </Detail>
        </>
      )}
      {request.kind === 'change' && (
        <>
          <Detail label={labels.field('serviceName')}>{d.serviceName}</Detail>
          <Detail label={t('requests.detail.configuration')}>
            <Group gap={6} wrap="wrap">
              <Text fz="sm">{d.currentConfiguration}</Text>
              <IconArrowRight size={14} aria-label={t('requests.detail.becomes')} />
              <Text fz="sm" fw={600}>
                {d.newConfiguration}
              </Text>
            </Group>
          </Detail>
        </>
      )}
      {request.kind === 'delete' && <Detail label={labels.field('target')}>{t(`requests.target.delete_${d.target ?? 'service'}`)}</Detail>}
      {request.kind === 'support' && (
        <>
          <Detail label={labels.field('topic')}>{t(`requests.topic.${d.topic ?? 'service_problem'}`)}</Detail>
          {d.quantity != null && <Detail label={labels.field('quantity')}>{format.number(d.quantity)}</Detail>}
          <Detail label={labels.field('message')}>
            <Multiline>{d.message ?? ''}</Multiline>
          </Detail>
          {d.triedSteps && d.triedSteps.length > 0 && (
            <Detail label={labels.field('triedSteps')}>
              <List fz="sm" spacing={2}>
                {d.triedSteps.map((s) => (
                  <List.Item key={s}>{t(`requests.tried.${s}`)}</List.Item>
                ))}
              </List>
            </Detail>
          )}
        </>
      )}
      {d.otherServices && (
        <Detail label={labels.field('otherServices')}>
          <Multiline>{d.otherServices}</Multiline>
        </Detail>
      )}
      {d.desiredDate && <Detail label={labels.field('desiredDate')}>{day(d.desiredDate)}</Detail>}
      {d.reason && (
        <Detail label={labels.field('reason')}>
          <Multiline>{d.reason}</Multiline>
        </Detail>
      )}
      {d.notes && (
        <Detail label={labels.field('notes')}>
          <Multiline>{d.notes}</Multiline>
        </Detail>
      )}
    </DetailCard>
  );
};

/** The company's services the request names; administrators can open each. */
export const RequestServicesCard = ({ request, linkTo }: { request: RequestDetail; linkTo?: (serviceId: string) => string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card padding={0}>
      <Title order={2} fz="lg" p="md" pb="xs">
        {t('requests.detail.services')}
      </Title>
      {request.services.length === 0 ? (
        <Text fz="sm" c="dimmed" px="md" pb="md">
          {t('requests.detail.noServices')}
        </Text>
      ) : (
        <LabelledTable
          label={t('requests.detail.services')}
          minWidth={560}
          horizontalSpacing="md"
          head={
            <>
              <Table.Th>{t('requests.detail.serviceUser')}</Table.Th>
              <Table.Th>{t('requests.detail.serviceNumber')}</Table.Th>
              <Table.Th>{t('requests.detail.serviceType')}</Table.Th>
              <Table.Th>{t('requests.columns.status')}</Table.Th>
            </>
          }
        >
          {request.services.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Text fz="sm">{s.userName}</Text>
              </Table.Td>
              <Table.Td className="fd-nowrap">
                {linkTo ? (
                  <Anchor component={Link} to={linkTo(s.id)} fz="sm">
                    {s.msisdn ? format.phone(s.msisdn) : s.serviceType}
                  </Anchor>
                ) : (
                  <Text fz="sm">{s.msisdn ? format.phone(s.msisdn) : '—'}</Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{s.serviceType}</Text>
                <Text fz="xs" c="dimmed">
                  {s.bundle}
                </Text>
              </Table.Td>
              <Table.Td>
                <ServiceStatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      )}
    </Card>
  );
};

/** The conversation, oldest first, and a box to add to it (for those who may: without `send`, the conversation alone). */
export const RequestCommentsCard = ({ request, send, sending }: { request: RequestDetail; send?: ((body: string) => Promise<unknown>) | undefined; sending: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!body.trim()) {
      setError(t('rules.required', { ns: 'common', field: t('requests.detail.commentLabel') }));
      return;
    }
    setError(null);
    if (!send) return;
    try {
      await send(body.trim());
      setBody('');
      notify({ color: 'green', title: t('requests.detail.commentAdded'), message: request.reference });
    } catch (e) {
      setError(isApiError(e) && e.errors[0] ? e.errors[0].message : problemMessage(e));
    }
  };
  return (
    <Card>
      <Title order={2} fz="lg" mb="md">
        {t('requests.detail.comments')}
      </Title>
      <Stack gap="sm">
        {request.comments.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('requests.detail.noComments')}
          </Text>
        ) : (
          <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('requests.detail.comments')}>
            {request.comments.map((c) => (
              <li key={c.id}>
                <Card withBorder padding="sm" bg={c.authorRole === 'operator' ? 'var(--mantine-color-indigo-0)' : undefined}>
                  <Group gap="xs" mb={4} wrap="wrap">
                    <Text fz="sm" fw={600}>
                      {c.authorName}
                    </Text>
                    <Badge size="sm" variant="light" color={c.authorRole === 'operator' ? 'indigo' : 'gray'} radius="sm" tt="none">
                      {t(`requests.role.${c.authorRole}`)}
                    </Badge>
                    <Text fz="xs" c="dimmed" component="time" dateTime={c.createdAt}>
                      {format.dateTime(c.createdAt)}
                    </Text>
                  </Group>
                  <Multiline>{c.body}</Multiline>
                </Card>
              </li>
            ))}
          </Stack>
        )}
        {send && <Textarea
          id="request-comment"
          label={t('requests.detail.commentLabel')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={4000}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={error}
        />}
        {send && <Group justify="flex-end">
          <Button onClick={submit} loading={sending} leftSection={<IconSend size={16} aria-hidden="true" />}>
            {t('requests.detail.addComment')}
          </Button>
        </Group>}
      </Stack>
    </Card>
  );
};

/** Every status change and assignment, oldest first. */
export const RequestHistoryCard = ({ request }: { request: RequestDetail }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const line = (e: RequestDetail['events'][number]) => {
    const date = e.scheduledFor ? format.calendarDate(e.scheduledFor) : '';
    return t(`requests.event.${e.event}`, { defaultValue: e.event, name: e.assignedTo ?? '', date });
  };
  return (
    <Card>
      <Title order={2} fz="lg" mb="md">
        {t('requests.detail.history')}
      </Title>
      <Timeline active={request.events.length - 1} bulletSize={14} lineWidth={2} color="indigo">
        {request.events.map((e) => (
          <Timeline.Item key={e.id} title={<Text fw={600} fz="sm" component="span">{line(e)}</Text>}>
            <Text fz="xs" c="dimmed">
              <time dateTime={e.createdAt}>{format.dateTime(e.createdAt)}</time> · {t('requests.detail.by', { name: labels.actor(e.actorName) })}
            </Text>
            {e.fromStatus !== e.toStatus && (
              <Group gap={6} mt={6} wrap="wrap">
                {e.fromStatus && <RequestStatusBadge status={e.fromStatus} />}
                {e.fromStatus && <IconArrowRight size={14} aria-label={t('requests.detail.becomes')} />}
                <RequestStatusBadge status={e.toStatus} />
              </Group>
            )}
            {e.reason && (
              <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {e.reason}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
};

type RequestCardsProps = {
  request: RequestDetail;
  /** Operator staff see the company and the people behind the request. */
  backOffice?: boolean;
  /** Where each service links to, for those who may open it. */
  linkTo?: (serviceId: string) => string;
  /** The comment box; absent for an account that may only read. */
  comment?: { send: (body: string) => Promise<unknown>; sending: boolean } | undefined;
};

/** A request's page body, the same for its administrator and for operator staff: facts and services beside comments and history. */
export const RequestCards = ({ request, backOffice, linkTo, comment }: RequestCardsProps) => (
  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
    <Stack gap="lg">
      <RequestFactsCard request={request} backOffice={backOffice} />
      <RequestServicesCard request={request} linkTo={linkTo} />
    </Stack>
    <Stack gap="lg">
      <RequestCommentsCard request={request} send={comment?.send} sending={comment?.sending ?? false} />
      <RequestHistoryCard request={request} />
    </Stack>
  </SimpleGrid>
);
