import { Alert, Anchor, Button, Card, Checkbox, Grid, Group, NumberInput, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { useLabels } from '../../shared/i18n/labels';
import { Page } from '../../shared/ui/Page';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useOperator } from '../auth/session';
import { useCompany } from '../company/api';
import { ChoiceCards } from '../services/ChoiceCards';
import { REQUEST_KINDS, requestPath, TRIED_STEPS, useFileRequest, type FileRequestInput, type RequestKind, type SupportTopic } from './api';
import { REQUESTS_PATH } from './RequestDetailPage';
import { SelfServiceHint } from './RequestsPage';
import { useRequestText } from './request-text';
import { ServiceSinglePicker, ServicesMultiPicker } from './ServicePicker';

type AddressValues = { street: string; postalCode: string; city: string; country: string };
type Values = {
  officeId: string | null;
  serviceIds: string[];
  movingDate: string;
  newAddress: AddressValues;
  otherServices: string;
  notes: string;
  addTarget: 'service' | 'office';
  deleteTarget: 'service' | 'office';
  wanted: string;
  newOffice: AddressValues & { name: string };
  desiredDate: string;
  serviceName: string;
  currentConfiguration: string;
  newConfiguration: string;
  reason: string;
  topic: SupportTopic;
  message: string;
  quantity: number | string;
  triedSteps: string[];
};

const emptyAddress = (): AddressValues => ({ street: '', postalCode: '', city: '', country: 'BE' });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Today in Brussels, as the server counts days (YYYY-MM-DD). */
const brusselsToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const inputId = (path: string) => `request-${path.replace(/\./g, '-')}`;

/** Where a field error of the server belongs in this form. */
const formPath = (field: string, kind: RequestKind) => {
  if (field === 'officeId') return 'officeId';
  if (field === 'serviceIds' || field.startsWith('serviceIds.')) return 'serviceIds';
  if (field === 'details.target') return kind === 'add' ? 'addTarget' : 'deleteTarget';
  if (field.startsWith('details.')) return field.slice('details.'.length);
  return null;
};

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const address = (a: AddressValues) => ({ street: a.street.trim(), postalCode: a.postalCode.trim(), city: a.city.trim(), country: a.country.trim() || 'BE' });

const toInput = (kind: RequestKind, v: Values): FileRequestInput => {
  switch (kind) {
    case 'move':
      return { kind, officeId: v.officeId, serviceIds: v.serviceIds, details: { newAddress: address(v.newAddress), movingDate: v.movingDate, otherServices: orNull(v.otherServices), notes: orNull(v.notes) } };
    case 'add':
      return {
        kind,
        officeId: v.addTarget === 'service' ? v.officeId : null,
        details: { target: v.addTarget, wanted: v.wanted.trim(), newOffice: v.addTarget === 'office' ? { name: v.newOffice.name.trim(), ...address(v.newOffice) } : null, desiredDate: orNull(v.desiredDate), notes: orNull(v.notes) },
      };
    case 'change':
      return {
        kind,
        officeId: v.officeId,
        serviceIds: v.serviceIds,
        details: { serviceName: v.serviceName.trim(), currentConfiguration: v.currentConfiguration.trim(), newConfiguration: v.newConfiguration.trim(), desiredDate: orNull(v.desiredDate), notes: orNull(v.notes) },
      };
    case 'delete':
      return { kind, officeId: v.officeId, serviceIds: v.deleteTarget === 'service' ? v.serviceIds : [], details: { target: v.deleteTarget, otherServices: orNull(v.otherServices), desiredDate: orNull(v.desiredDate), reason: orNull(v.reason) } };
    case 'support':
      return {
        kind,
        serviceIds: v.topic === 'service_problem' ? v.serviceIds.slice(0, 1) : [],
        details: { topic: v.topic, message: v.message.trim(), quantity: v.topic === 'fixed_numbers' && v.quantity !== '' ? Number(v.quantity) : null, triedSteps: v.topic === 'service_problem' ? v.triedSteps : [] },
      };
  }
};

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
  const rule = (r: string, field: string, params: Record<string, unknown> = {}) => t(`rules.${r}`, { ns: 'common', field: labels.field(field), ...params });
  const required = (field: string) => (value: string | null) => (value && value.trim() ? null : rule('required', field));
  const future = (field: string, optional: boolean) => (value: string) => (!value ? (optional ? null : rule('required', field)) : value <= today ? rule('in_past', field) : null);

  const form = useForm<Values>({
    initialValues: {
      officeId: null,
      serviceIds: initialServiceIds,
      movingDate: '',
      newAddress: emptyAddress(),
      otherServices: '',
      notes: '',
      addTarget: 'service',
      deleteTarget: 'service',
      wanted: '',
      newOffice: { ...emptyAddress(), name: '' },
      desiredDate: '',
      serviceName: '',
      currentConfiguration: '',
      newConfiguration: '',
      reason: '',
      topic: initialTopic,
      message: '',
      quantity: '',
      triedSteps: [],
    },
    // Convenience only, in the server's words: the server checks all of it again.
    validate: (v) => {
      const e: Record<string, string | null> = {};
      const needsOffice = kind === 'move' || kind === 'change' || kind === 'delete' || (kind === 'add' && v.addTarget === 'service');
      if (needsOffice) e.officeId = v.officeId ? null : rule('required', 'officeId');
      if (kind === 'move') {
        e.movingDate = future('movingDate', false)(v.movingDate);
        for (const f of ['street', 'postalCode', 'city'] as const) e[`newAddress.${f}`] = required(f)(v.newAddress[f]);
      }
      if ((kind === 'move' || (kind === 'delete' && v.deleteTarget === 'service')) && v.serviceIds.length === 0 && !v.otherServices.trim()) e.serviceIds = rule('services_required', 'serviceIds');
      if (kind === 'add') {
        e.wanted = required('wanted')(v.wanted);
        if (v.addTarget === 'office') for (const f of ['name', 'street', 'postalCode', 'city'] as const) e[`newOffice.${f}`] = required(f)(v.newOffice[f]);
      }
      if (kind === 'change') {
        e.serviceName = required('serviceName')(v.serviceName);
        e.currentConfiguration = required('currentConfiguration')(v.currentConfiguration);
        e.newConfiguration =
          required('newConfiguration')(v.newConfiguration) ??
          (v.newConfiguration.trim().toLowerCase() === v.currentConfiguration.trim().toLowerCase() ? rule('same_as_current', 'newConfiguration') : null);
      }
      if (kind === 'add' || kind === 'change' || kind === 'delete') e.desiredDate = future('desiredDate', true)(v.desiredDate);
      if (kind === 'support') {
        e.message = required('message')(v.message);
        if (v.topic === 'fixed_numbers') e.quantity = v.quantity === '' ? rule('required', 'quantity') : null;
        else e.serviceIds = v.serviceIds.length ? null : rule('required', 'serviceIds');
      }
      return Object.fromEntries(Object.entries(e).filter(([, m]) => m));
    },
  });

  const focusFirst = (errors: Record<string, unknown>) => {
    const first = Object.keys(errors)[0];
    if (first) requestAnimationFrame(() => (document.getElementById(inputId(first)) ?? document.querySelector<HTMLElement>(`#${inputId(first)} input`))?.focus());
  };

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    try {
      const created = await file.mutateAsync(toInput(kind, values));
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
  const officeSelect = (label: string, description?: string) => (
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
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert" title={t('requests.form.failed')}>
            {formError}
          </Alert>
        )}

        {kind === 'move' && (
          <>
            <Section title={t('requests.form.move.where')}>
              <Stack gap="md">
                {officeSelect(t('requests.form.move.office'), t('requests.form.move.officeHint'))}
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
                  <Checkbox.Group id={inputId('triedSteps')} label={labels.field('triedSteps')} description={t('requests.optional')} {...form.getInputProps('triedSteps')}>
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
