import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { RequestKind, SupportTopic } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { brusselsToday } from '../../shared/time/brussels';
import { ChoiceCards } from '../../shared/ui/ChoiceCards';
import { Page } from '../../shared/ui/Page';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useOperator } from '../auth/session';
import { useCompany } from '../company/api';
import { isTriedStep, REQUEST_KINDS, requestPath, TRIED_STEPS, useFileRequest, useRequestableServices } from './api';
import { formPath, initialRequestValues, officeOfServices, requestFormProblems, requestInput, type RequestFormValues } from './request-form';
import { REQUESTS_PATH } from './RequestDetailPage';
import { SelfServiceHint } from './RequestsPage';
import { useRequestText } from './request-text';
import { ServiceSinglePicker, ServicesMultiPicker } from './ServicePicker';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const inputId = (path: string) => `request-${path.replace(/\./g, '-')}`;

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Card>
    <Title order={2} fz="lg" mb="md">
      {title}
    </Title>
    {children}
  </Card>
);

const RequestForm = ({ kind, initialServiceIds, initialTopic }: { kind: RequestKind; initialServiceIds: string[]; initialTopic: SupportTopic }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const problemMessage = useProblemMessage();
  const company = useCompany();
  const operator = useOperator().data;
  const file = useFileRequest();
  const [formError, setFormError] = useState<string | null>(null);
  const today = brusselsToday();
  const form = useForm<RequestFormValues>({
    initialValues: initialRequestValues(initialServiceIds, initialTopic),
    validate: (values) =>
      Object.fromEntries(Object.entries(requestFormProblems(kind, values, today)).map(([path, problem]) => [path, t(`rules.${problem.rule}`, { ns: 'common', field: labels.field(problem.label) })])),
  });

  // Services chosen beforehand (the Delete request the 30 % limit offers) bring their office along.
  const preselected = useRequestableServices('', initialServiceIds, initialServiceIds.length > 0);
  const preselectedOffice = preselected.data ? officeOfServices(preselected.data.items, initialServiceIds) : null;
  useEffect(() => {
    if (preselectedOffice && !form.getValues().officeId) form.setFieldValue('officeId', preselectedOffice);
    // only when the services' office becomes known
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preselectedOffice]);

  const focusFirst = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) requestAnimationFrame(() => (document.getElementById(inputId(first)) ?? document.querySelector<HTMLElement>(`#${inputId(first)} input`))?.focus());
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await file.mutateAsync(requestInput(kind, values));
      notify({ color: 'green', title: t('requests.form.filed'), message: t('requests.form.filedHint', { reference: created.reference }) });
      navigate(requestPath(created.id));
    } catch (error) {
      if (isApiError(error) && error.errors.length) {
        const errors: Record<string, string> = {};
        const unplaced: string[] = [];
        for (const fe of error.errors) {
          const path = formPath(fe.field, kind);
          if (path && !errors[path]) errors[path] = fe.message;
          else if (!path) unplaced.push(fe.message);
        }
        form.setErrors(errors);
        if (unplaced.length) setFormError(unplaced.join(' '));
        focusFirst(errors);
      } else setFormError(problemMessage(error));
    }
  }, focusFirst);

  const offices = company.data?.offices ?? [];
  // the seed's "relocation section" is a page of the operator's website; the portal names who to ask instead
  const moveContact = company.data?.accountManager?.email ?? operator?.salesEmail ?? null;
  const officeSelect = (label: string, description?: ReactNode) => (
    <Select
      id={inputId('officeId')}
      label={label}
      description={description}
      required
      placeholder={company.isLoading ? t('status.loading') : t('requests.form.chooseOffice')}
      data={offices.map((o) => ({ value: o.id, label: `${o.name} — ${o.street}, ${o.postalCode} ${o.city}` }))}
      nothingFoundMessage={t('requests.form.noOffice')}
      comboboxProps={{ withinPortal: true }}
      {...form.getInputProps('officeId')}
    />
  );
  const addressFields = (prefix: 'newAddress' | 'newOffice') => (
    <Grid gap="md">
      {prefix === 'newOffice' && (
        <Grid.Col span={12}>
          <TextInput id={inputId('newOffice.name')} label={labels.field('name')} required autoComplete="off" {...form.getInputProps('newOffice.name')} />
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput id={inputId(`${prefix}.street`)} label={labels.field('street')} required autoComplete="off" {...form.getInputProps(`${prefix}.street`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 2 }}>
        <TextInput id={inputId(`${prefix}.postalCode`)} label={labels.field('postalCode')} required autoComplete="off" {...form.getInputProps(`${prefix}.postalCode`)} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 4 }}>
        <TextInput id={inputId(`${prefix}.city`)} label={labels.field('city')} required autoComplete="off" {...form.getInputProps(`${prefix}.city`)} />
      </Grid.Col>
    </Grid>
  );
  const dateInput = (field: 'movingDate' | 'desiredDate', isRequired: boolean, description?: string) => (
    <TextInput
      id={inputId(field)}
      type="date"
      label={labels.field(field)}
      description={description ?? (isRequired ? undefined : t('requests.optional'))}
      required={isRequired}
      min={today}
      maw={240}
      {...form.getInputProps(field)}
    />
  );
  const servicesInput = (description: string, isRequired = false) => (
    <ServicesMultiPicker
      id={inputId('serviceIds')}
      label={labels.field('serviceIds')}
      description={description}
      required={isRequired}
      value={form.values.serviceIds}
      onChange={(ids) => form.setFieldValue('serviceIds', ids)}
      error={form.errors.serviceIds as string | undefined}
    />
  );
  const notesInput = (
    <Textarea id={inputId('notes')} label={labels.field('notes')} description={t('requests.optional')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t(`requests.form.${kind}.title`)}>
      <Stack gap="lg">
        <ProblemAlert title={t('requests.form.failed')}>{formError}</ProblemAlert>

        {kind === 'move' && (
          <>
            <Section title={t('requests.form.move.where')}>
              <Stack gap="md">
                {officeSelect(
                  t('requests.form.move.office'),
                  <>
                    {t('requests.form.move.officeHint')}{' '}
                    {moveContact && (
                      <Anchor href={`mailto:${moveContact}`} fz="xs" fw={600}>
                        {moveContact}
                      </Anchor>
                    )}
                  </>,
                )}
                <Text fz="sm" fw={600}>
                  {labels.field('newAddress')}
                </Text>
                {addressFields('newAddress')}
                {dateInput('movingDate', true, t('requests.form.move.dateHint'))}
              </Stack>
            </Section>
            <Section title={t('requests.form.servicesSection')}>
              <Stack gap="md">
                {servicesInput(t('requests.form.move.servicesHint'))}
                <Textarea id={inputId('otherServices')} label={labels.field('otherServices')} description={t('requests.form.otherServicesHint')} autosize minRows={2} maxLength={1000} {...form.getInputProps('otherServices')} />
                {notesInput}
              </Stack>
            </Section>
          </>
        )}

        {kind === 'add' && (
          <Section title={t('requests.form.add.what')}>
            <Stack gap="md">
              <ChoiceCards
                id={inputId('addTarget')}
                label={labels.field('target')}
                value={form.values.addTarget}
                onChange={(v) => form.setFieldValue('addTarget', v)}
                cols={{ base: 1, sm: 2 }}
                choices={[
                  { value: 'service', title: t('requests.target.add_service'), description: t('requests.form.add.serviceHint') },
                  { value: 'office', title: t('requests.target.add_office'), description: t('requests.form.add.officeHint') },
                ]}
              />
              {form.values.addTarget === 'service' ? officeSelect(labels.field('officeId')) : addressFields('newOffice')}
              <Textarea id={inputId('wanted')} label={labels.field('wanted')} description={t('requests.form.add.wantedHint')} required autosize minRows={3} maxLength={2000} {...form.getInputProps('wanted')} />
              {dateInput('desiredDate', false)}
              {notesInput}
            </Stack>
          </Section>
        )}

        {kind === 'change' && (
          <Section title={t('requests.form.change.what')}>
            <Stack gap="md">
              {officeSelect(labels.field('officeId'), t('requests.form.change.officeHint'))}
              <TextInput id={inputId('serviceName')} label={labels.field('serviceName')} description={t('requests.form.change.serviceHint')} required autoComplete="off" {...form.getInputProps('serviceName')} />
              <Grid gap="md">
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput id={inputId('currentConfiguration')} label={labels.field('currentConfiguration')} placeholder={t('requests.form.change.fromExample')} required autoComplete="off" {...form.getInputProps('currentConfiguration')} />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 6 }}>
                  <TextInput id={inputId('newConfiguration')} label={labels.field('newConfiguration')} placeholder={t('requests.form.change.toExample')} required autoComplete="off" {...form.getInputProps('newConfiguration')} />
                </Grid.Col>
              </Grid>
              {servicesInput(t('requests.form.change.servicesHint'))}
              {dateInput('desiredDate', false)}
              {notesInput}
            </Stack>
          </Section>
        )}

        {kind === 'delete' && (
          <>
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title={t('requests.form.delete.cancelTitle')}>
              {t('requests.form.delete.cancelText')}{' '}
              {operator && (
                <Anchor href={`mailto:${operator.financeEmail}`} fz="sm" fw={600}>
                  {operator.financeEmail}
                </Anchor>
              )}
            </Alert>
            <Section title={t('requests.form.delete.what')}>
              <Stack gap="md">
                <ChoiceCards
                  id={inputId('deleteTarget')}
                  label={labels.field('target')}
                  value={form.values.deleteTarget}
                  onChange={(v) => form.setFieldValue('deleteTarget', v)}
                  cols={{ base: 1, sm: 2 }}
                  choices={[
                    { value: 'service', title: t('requests.target.delete_service'), description: t('requests.form.delete.serviceHint') },
                    { value: 'office', title: t('requests.target.delete_office'), description: t('requests.form.delete.officeHint') },
                  ]}
                />
                {officeSelect(form.values.deleteTarget === 'office' ? t('requests.form.delete.officeToClose') : labels.field('officeId'))}
                {form.values.deleteTarget === 'service' && (
                  <>
                    {servicesInput(t('requests.form.delete.servicesHint'))}
                    <Textarea id={inputId('otherServices')} label={labels.field('otherServices')} description={t('requests.form.otherServicesHint')} autosize minRows={2} maxLength={1000} {...form.getInputProps('otherServices')} />
                  </>
                )}
                {dateInput('desiredDate', false)}
                <Textarea id={inputId('reason')} label={labels.field('reason')} description={t('requests.optional')} autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
              </Stack>
            </Section>
          </>
        )}

        {kind === 'support' && (
          <Section title={t('requests.form.support.what')}>
            <Stack gap="md">
              <Select
                id={inputId('topic')}
                label={labels.field('topic')}
                required
                allowDeselect={false}
                data={(['fixed_numbers', 'service_problem'] as const).map((v) => ({ value: v, label: t(`requests.topic.${v}`) }))}
                comboboxProps={{ withinPortal: true }}
                {...form.getInputProps('topic')}
              />
              {form.values.topic === 'fixed_numbers' ? (
                <NumberInput id={inputId('quantity')} label={labels.field('quantity')} required min={1} max={500} allowDecimal={false} maw={240} {...form.getInputProps('quantity')} />
              ) : (
                <>
                  <ServiceSinglePicker
                    id={inputId('serviceIds')}
                    label={t('requests.form.support.service')}
                    required
                    value={form.values.serviceIds[0] ?? null}
                    onChange={(id) => form.setFieldValue('serviceIds', id ? [id] : [])}
                    error={form.errors.serviceIds as string | undefined}
                  />
                  <Checkbox.Group
                    id={inputId('triedSteps')}
                    label={labels.field('triedSteps')}
                    description={t('requests.optional')}
                    value={form.values.triedSteps}
                    onChange={(steps) => form.setFieldValue('triedSteps', steps.filter(isTriedStep))}
                  >
                    <Stack gap={6} mt={6}>
                      {TRIED_STEPS.map((s) => (
                        <Checkbox key={s} value={s} label={t(`requests.tried.${s}`)} />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                </>
              )}
              <Textarea id={inputId('message')} label={labels.field('message')} required autosize minRows={3} maxLength={4000} {...form.getInputProps('message')} />
            </Stack>
          </Section>
        )}

        <Group justify="flex-end" gap="sm">
          <Button component={Link} to={REQUESTS_PATH} variant="default">
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={file.isPending} leftSection={<IconSend size={16} aria-hidden="true" />}>
            {t('requests.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

const isKind = (v: string | null): v is RequestKind => (REQUEST_KINDS as readonly (string | null)[]).includes(v);

/** New request: the kind first (Move, Add, Change, Delete, Support), then its form. `?kind=delete&serviceIds=a,b` pre-fills. */
export const NewRequestPage = () => {
  const { t } = useTranslation();
  const text = useRequestText();
  const [searchParams, setSearchParams] = useSearchParams();
  const raw = searchParams.get('kind');
  const kind = isKind(raw) ? raw : null;
  const serviceIds = (searchParams.get('serviceIds') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => UUID.test(s))
    .slice(0, 50);
  const topic: SupportTopic = searchParams.get('topic') === 'fixed_numbers' ? 'fixed_numbers' : 'service_problem';
  const choose = (next: RequestKind) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        params.set('kind', next);
        return params;
      },
      { replace: true },
    );

  return (
    <Page title={t('requests.newRequest')} breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.requests'), to: REQUESTS_PATH }, { label: t('requests.newRequest') }]} description={t('requests.form.intro')}>
      <SelfServiceHint />
      <Card>
        <ChoiceCards
          id="request-kind"
          label={<Title order={2} fz="lg">{t('requests.form.kindLabel')}</Title>}
          value={kind}
          onChange={choose}
          cols={{ base: 1, sm: 2, lg: 3 }}
          choices={REQUEST_KINDS.map((k) => ({ value: k, title: text.kind(k), description: t(`requests.kindHint.${k}`) }))}
        />
      </Card>
      {kind && <RequestForm key={kind} kind={kind} initialServiceIds={serviceIds} initialTopic={topic} />}
    </Page>
  );
};
