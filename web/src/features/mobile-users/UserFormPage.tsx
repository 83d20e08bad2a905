import { Button, Card, Grid, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { Language, MobileUser, MobileUserInput } from '../../shared/api/contract';
import { LANGUAGES, currentLanguage } from '../../shared/i18n/i18n';
import { useLabels } from '../../shared/i18n/labels';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useCompany } from '../company/api';
import { useMobileUser, useSaveMobileUser } from './api';
import { useSelfServiceCrumbs } from './crumbs';
import { userPath } from './UsersListPage';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type FormValues = {
  firstName: string;
  lastName: string;
  email: string;
  language: Language;
  department: string;
  costCentre: string;
  officeId: string | null;
};

const FIELDS: readonly (keyof FormValues)[] = [
  'firstName',
  'lastName',
  'email',
  'language',
  'department',
  'costCentre',
  'officeId',
];

const isFormField = (field: string): field is keyof FormValues => (FIELDS as readonly string[]).includes(field);

const inputId = (field: string) => `mobile-user-${field}`;

const toValues = (user: MobileUser | null): FormValues => ({
  firstName: user?.firstName ?? '',
  lastName: user?.lastName ?? '',
  email: user?.email ?? '',
  language: user?.language ?? currentLanguage(),
  department: user?.department ?? '',
  costCentre: user?.costCentre ?? '',
  officeId: user?.officeId ?? null,
});

// Convenience checks only: the server decides, and its field errors land under the same inputs.
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const UserForm = ({ user }: { user: MobileUser | null }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const navigate = useNavigate();
  const company = useCompany();
  const save = useSaveMobileUser(user?.id ?? null);
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<FormValues>({
    initialValues: toValues(user),
    // Same wording as the server's messages (the shared `rules.*` texts).
    validate: {
      firstName: (value) => (value.trim() ? null : t('rules.required', { field: labels.field('firstName') })),
      lastName: (value) => (value.trim() ? null : t('rules.required', { field: labels.field('lastName') })),
      email: (value) =>
        !value.trim()
          ? t('rules.required', { field: labels.field('email') })
          : LOOKS_LIKE_EMAIL.test(value.trim())
            ? null
            : t('rules.invalid_email', { field: labels.field('email') }),
    },
  });

  const focusField = (field: string) => {
    requestAnimationFrame(() => document.getElementById(inputId(field))?.focus());
  };

  const submit = form.onSubmit(
    async (values) => {
      setFormError(null);
      const optional = (value: string) => (value.trim() ? value.trim() : user ? null : undefined);
      const input: MobileUserInput = {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        email: values.email.trim(),
        language: values.language,
        department: optional(values.department),
        costCentre: optional(values.costCentre),
        officeId: values.officeId ? values.officeId : user ? null : undefined,
      };
      try {
        const saved = await save.mutateAsync(input);
        notify({
          color: 'green',
          title: user ? t('userForm.updated') : t('userForm.created'),
          message: `${saved.firstName} ${saved.lastName}`,
        });
        navigate(userPath(saved.id));
      } catch (error) {
        if (isApiError(error) && error.errors.length > 0) {
          const unplaced: string[] = [];
          const errors: Record<string, string> = {};
          for (const fieldError of error.errors) {
            if (isFormField(fieldError.field)) errors[fieldError.field] ??= fieldError.message;
            else unplaced.push(fieldError.message);
          }
          form.setErrors(errors);
          if (unplaced.length > 0) setFormError(unplaced.join(' '));
          const first = FIELDS.find((field) => errors[field]);
          if (first) focusField(first);
        } else {
          setFormError(problemMessage(error));
        }
      }
    },
    (errors) => {
      const first = FIELDS.find((field) => errors[field]);
      if (first) focusField(first);
    },
  );

  const offices = company.data?.offices ?? [];

  return (
    <form onSubmit={submit} noValidate aria-label={user ? t('userForm.editTitle') : t('userForm.createTitle')}>
      <Stack gap="lg">
        <ProblemAlert title={t('userForm.saveFailed')}>{formError}</ProblemAlert>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('userForm.identity')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={inputId('firstName')} label={labels.field('firstName')} required autoComplete="off" {...form.getInputProps('firstName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={inputId('lastName')} label={labels.field('lastName')} required autoComplete="off" {...form.getInputProps('lastName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                id={inputId('email')}
                type="email"
                label={labels.field('email')}
                description={t('userForm.emailHint')}
                required
                autoComplete="off"
                {...form.getInputProps('email')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                id={inputId('language')}
                label={labels.field('language')}
                description={t('userForm.languageHint')}
                required
                allowDeselect={false}
                data={LANGUAGES.map((language) => ({ value: language, label: labels.language(language) }))}
                {...form.getInputProps('language')}
              />
            </Grid.Col>
          </Grid>
        </Card>

        <Card>
          <Title order={2} fz="lg" mb="md">
            {t('userForm.organisation')}
          </Title>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={inputId('department')} label={labels.field('department')} description={t('userForm.optional')} autoComplete="off" {...form.getInputProps('department')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput id={inputId('costCentre')} label={labels.field('costCentre')} description={t('userForm.optional')} autoComplete="off" {...form.getInputProps('costCentre')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                id={inputId('officeId')}
                label={labels.field('officeId')}
                description={t('userForm.optional')}
                placeholder={company.isLoading ? t('status.loading') : t('userForm.noOffice')}
                clearable
                searchable={offices.length > 8}
                nothingFoundMessage={t('userForm.noOfficeFound')}
                data={offices.map((office) => ({ value: office.id, label: `${office.name} — ${office.city}` }))}
                {...form.getInputProps('officeId')}
              />
            </Grid.Col>
          </Grid>
        </Card>

        <Group justify="flex-end" gap="sm">
          <Button variant="default" component={Link} to={user ? userPath(user.id) : '/self-service/uc-mobile/users'}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
            {user ? t('actions.save') : t('userForm.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

export const CreateUserPage = () => {
  const { t } = useTranslation();
  const crumbs = useSelfServiceCrumbs(true);
  return (
    <Page title={t('userForm.createTitle')} breadcrumbs={crumbs} description={t('userForm.createIntro')}>
      <UserForm user={null} />
    </Page>
  );
};

export const EditUserPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useSelfServiceCrumbs(true);
  const user = useMobileUser(id);
  const name = user.data ? `${user.data.firstName} ${user.data.lastName}` : null;
  return (
    <Page
      title={t('userForm.editTitle')}
      documentTitle={name ? `${t('userForm.editTitle')} — ${name}` : t('userForm.editTitle')}
      breadcrumbs={name ? [...crumbs, { label: name, to: userPath(id) }] : crumbs}
    >
      <QueryContent query={user} skeletons={[220, 160]}>
        {(data) => <UserForm key={data.id} user={data} />}
      </QueryContent>
    </Page>
  );
};
