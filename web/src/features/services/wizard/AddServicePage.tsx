import { Alert, Button, Card, Grid, Group, List, Modal, Progress, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconDeviceFloppy } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundContent } from '../../../app/NotFoundPage';
import { isApiError } from '../../../shared/api/client';
import type { Catalog, MobileUser, WizardInput } from '../../../shared/api/contract';
import { useFormat } from '../../../shared/i18n/format';
import { useLabels } from '../../../shared/i18n/labels';
import { Page } from '../../../shared/ui/Page';
import { QueryContent } from '../../../shared/ui/QueryContent';
import { notify } from '../../../shared/ui/notify';
import { useProblemMessage } from '../../../shared/ui/problem-message';
import { useMobileUser } from '../../mobile-users/api';
import { useSelfServiceCrumbs } from '../../mobile-users/crumbs';
import { userPath } from '../../mobile-users/UsersListPage';
import { checkWizardStep, useAddService, useCatalog, useWizardStock } from '../api';
import { isPendingApproval } from '../../approvals/api';
import { monthlyTotalCents } from '../bundle-choice';
import { useServiceText } from '../service-text';
import { FixedNumberStep } from './FixedNumberStep';
import { NumberStep } from './NumberStep';
import { usePortDetails } from './port-storage';
import { SimStep } from './SimStep';
import { missingChoices, savedMessage, serverCheckFor, shownStep, stepSummary, withoutFieldsOf, type Message } from './wizard-flow';
import {
  CHECKED_STEPS,
  EMPTY_PORT_DETAILS,
  LAST_STEP,
  STEPS,
  changeChoices,
  firstIncompleteStep,
  groupFieldErrors,
  hasChoices,
  nextStep,
  previousStep,
  readWizardParams,
  selectionOf,
  stepApplies,
  stepKey,
  toWizardInput,
  writeWizardParams,
  type FieldErrors,
  type PortDetails,
  type StepKey,
  type WizardChoices,
} from './wizard-state';
import { fieldId, type StepProps } from './wizard-step-props';
import { ActivationStep, BundleStep, ConfirmStep, ProductStep, ServiceTypeStep } from './wizard-steps';
import { WizardStepper } from './WizardStepper';
import { ModalActions } from '../../../shared/ui/ModalActions';

export const addServicePath = (userId: string) => `${userPath(userId)}/add-service`;

/** Focus a field by its contract path; for a group, its first enabled control. */
const focusField = (field: string) => {
  requestAnimationFrame(() => {
    const element = document.getElementById(fieldId(field));
    if (!element) return;
    const target = element.matches('input, button, textarea, select')
      ? element
      : element.querySelector<HTMLElement>('[role="radio"]:not([disabled]), input:not([disabled]), button:not([disabled])');
    target?.focus();
  });
};

const STEP_CONTENT: Record<StepKey, (props: StepProps) => ReactNode> = {
  product: ProductStep,
  serviceType: ServiceTypeStep,
  bundle: BundleStep,
  confirm: ConfirmStep,
  number: NumberStep,
  sim: SimStep,
  fixedNumber: FixedNumberStep,
  activation: ActivationStep,
};

/** The Add Service wizard; its rules are in wizard-state.ts and wizard-flow.ts, this wires them to the page. */
const Wizard = ({ user, catalog }: { user: MobileUser; catalog: Catalog }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useServiceText();
  const problemMessage = useProblemMessage();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const state = useMemo(() => readWizardParams(searchParams), [searchParams]);
  const { step: requestedStep, ...addressChoices } = state;
  // The address bar updates a moment after a change. Until it does, the page shows (and a
  // second click builds on) the change itself, not the address as it still reads: otherwise a
  // typed character or an option ticked right after the bundle would be lost for a moment.
  const latest = useRef({ source: searchParams, choices: addressChoices });
  if (latest.current.source !== searchParams) latest.current = { source: searchParams, choices: addressChoices };
  const [, showChange] = useReducer((count: number) => count + 1, 0);
  const choices = latest.current.choices;
  const [port, setPort, forgetPort] = usePortDetails(user.id, choices.numberKind === 'port_in');
  const selection = selectionOf(catalog, choices);
  const serviceType = selection.serviceType;
  const stock = useWizardStock();
  const addService = useAddService(user.id);

  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const busy = checking || addService.isPending;

  // The address may ask for a step whose earlier steps are not done (an edited or old link).
  const reachable = firstIncompleteStep(choices, port, selection);
  const step = shownStep(requestedStep, choices, port, selection);
  const say = (message: Message) => t(message.key, { ns: message.ns, ...message.values, ...(message.label ? { field: labels.field(message.label) } : {}) });

  const write = useCallback(
    (nextChoices: WizardChoices, nextStepNumber: number, replace: boolean) =>
      setSearchParams(writeWizardParams({ ...nextChoices, step: nextStepNumber }), { replace }),
    [setSearchParams],
  );

  const change = (update: Partial<WizardChoices>) => {
    const next = changeChoices(catalog, latest.current.choices, update);
    latest.current = { ...latest.current, choices: next };
    showChange();
    if (next.numberKind !== 'port_in') setPort(EMPTY_PORT_DETAILS);
    setErrors((current) => withoutFieldsOf(current, Object.keys(update)));
    setProblem(null);
    write(next, step, true);
  };

  const changePort = (update: Partial<PortDetails>) => {
    setPort((current) => ({ ...current, ...update }));
    setErrors((current) => withoutFieldsOf(current, Object.keys(update)));
  };

  // A new step: its heading takes the focus, so keyboard and screen-reader users start there.
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lastShown = useRef(step);
  useEffect(() => {
    if (lastShown.current === step) return;
    lastShown.current = step;
    headingRef.current?.focus();
  }, [step]);

  const goTo = (target: number) => {
    setProblem(null);
    write(latest.current.choices, target, false);
  };

  const showServerError = (error: unknown) => {
    if (isApiError(error) && error.errors.length > 0) {
      const { byField, step: errorStep } = groupFieldErrors(error.errors);
      setErrors(byField);
      setProblem(error.detail || t('wizard.fixErrors'));
      const first = Object.keys(byField)[0];
      if (errorStep !== null && errorStep !== step) write(latest.current.choices, errorStep, false);
      if (first) focusField(first);
    } else {
      setProblem(problemMessage(error));
    }
  };

  /** Refuses a step with every choice not made and every detail left empty shown at once. */
  const refuseIfMissing = (at: number): boolean => {
    const current = latest.current.choices;
    const missing = missingChoices(at, current, port, selectionOf(catalog, current));
    const first = Object.keys(missing)[0];
    if (!first) return false;
    setErrors(Object.fromEntries(Object.entries(missing).map(([field, message]) => [field, say(message)])));
    setProblem(null);
    focusField(first);
    return true;
  };

  /** Asks the server about steps 1..upTo; false (with the errors shown) when it says no. */
  const serverAgrees = async (upTo: number): Promise<boolean> => {
    const current = latest.current.choices;
    const currentType = selectionOf(catalog, current).serviceType;
    const checkStep = serverCheckFor(upTo, currentType);
    if (checkStep === null) return true;
    setChecking(true);
    try {
      await checkWizardStep(user.id, checkStep, toWizardInput(current, port, currentType, checkStep));
      return true;
    } catch (error) {
      showServerError(error);
      return false;
    } finally {
      setChecking(false);
    }
  };

  const goNext = async () => {
    if (busy || refuseIfMissing(step)) return;
    setErrors({});
    setProblem(null);
    if (CHECKED_STEPS.has(step) && !(await serverAgrees(step))) return;
    goTo(nextStep(step, selectionOf(catalog, latest.current.choices).serviceType));
  };

  /** A click on the stepper: back at once; ahead (up to the first unfinished step) once the server agrees. */
  const jumpTo = async (target: number) => {
    if (busy || target === step) return;
    if (target < step) return goTo(target);
    if (refuseIfMissing(step)) return;
    if (await serverAgrees(target - 1)) goTo(target);
  };

  const discard = () => {
    forgetPort();
    navigate(userPath(user.id));
  };

  const cancel = () => (hasChoices(choices, port) ? setConfirmCancel(true) : discard());

  const save = async () => {
    if (busy || refuseIfMissing(LAST_STEP)) return;
    setErrors({});
    setProblem(null);
    try {
      const current = latest.current.choices;
      const service = await addService.mutateAsync(toWizardInput(current, port, selectionOf(catalog, current).serviceType) as WizardInput);
      forgetPort();
      if (isPendingApproval(service)) {
        const { approval } = service;
        notify({ color: 'yellow', title: t('approvals.waits.title'), message: t('approvals.waits.newService', { amount: format.money(approval.monthlyAmountCents), threshold: format.money(approval.thresholdCents) }) });
        navigate(userPath(user.id), { replace: true });
        return;
      }
      const saved = savedMessage(service, user);
      notify({ color: 'green', title: t('wizard.saved.title', { service: service.serviceType.name }), message: t(saved.key, { ...saved.values, ...(saved.at ? { at: format.dateTime(saved.at) } : {}) }) });
      navigate(userPath(user.id), { replace: true });
    } catch (error) {
      showServerError(error);
    }
  };

  const summaryText = (at: number): string | undefined => {
    const summary = stepSummary(at, step, choices, selection, selection.bundle ? monthlyTotalCents(selection.bundle, choices.optionCodes) : null);
    switch (summary?.kind) {
      case undefined:
        return undefined;
      case 'notNeeded':
        return t('wizard.notNeeded');
      case 'name':
        return summary.name;
      case 'price':
        return text.perMonth(summary.cents);
      case 'phone':
        return format.phone(summary.msisdn);
      case 'simChoice':
        return text.simChoice(summary.simKind);
      case 'message':
        return t(summary.message.key, summary.phone === undefined ? {} : { number: format.phone(summary.phone) });
    }
  };

  const key = stepKey(step);
  const Content = STEP_CONTENT[key];
  const applicable = STEPS.map((_, index) => index + 1).filter((at) => stepApplies(at, serviceType));
  const position = applicable.indexOf(step) + 1;
  const props: StepProps = { catalog, user, choices, port, selection, stock: stock.data, errors, change, changePort, goTo: (target) => void jumpTo(target) };

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }} visibleFrom="md">
        <WizardStepper step={step} reachable={reachable} serviceType={serviceType} summaryOf={summaryText} onStep={(at) => void jumpTo(at)} />
      </Grid.Col>

      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        <Card>
          {/* numbered like the stepper, skipped steps included; the bar counts the steps that apply */}
          <Text fz="sm" c="dimmed" fw={600}>
            {t('wizard.stepOf', { step, total: LAST_STEP })}
          </Text>
          <Progress hiddenFrom="md" value={(position / applicable.length) * 100} size="sm" mt={6} mb="xs" aria-hidden="true" />
          <Title order={2} fz="xl" mt={4} ref={headingRef} id="wizard-step-heading" tabIndex={-1} style={{ outlineOffset: 4 }}>
            {t(`wizard.headings.${key}`)}
          </Title>
          <Text c="dimmed" fz="sm" mt={4} mb="lg" maw={820}>
            {t(`wizard.intro.${key}`)}
          </Text>

          <form
            noValidate
            aria-labelledby="wizard-step-heading"
            onSubmit={(event) => {
              event.preventDefault();
              void (step === LAST_STEP ? save() : goNext());
            }}
          >
            <Stack gap="lg">
              <div aria-live="assertive">
                {problem ? (
                  <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} title={t('wizard.problemTitle')}>
                    <Text fz="sm">{problem}</Text>
                    {Object.keys(errors).length > 0 && (
                      <List fz="sm" mt={6} spacing={2}>
                        {Object.entries(errors).map(([field, message]) => (
                          <List.Item key={field}>{message}</List.Item>
                        ))}
                      </List>
                    )}
                  </Alert>
                ) : (
                  // choices not made: each message is under its field; say them all, as an alert like the server's problems
                  Object.keys(errors).length > 0 && <VisuallyHidden role="alert">{Object.values(errors).join(' ')}</VisuallyHidden>
                )}
              </div>
              <Content {...props} />
              <Group justify="space-between" gap="sm" pt="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                <Button variant="subtle" color="gray" onClick={cancel} disabled={addService.isPending}>
                  {t('actions.cancel')}
                </Button>
                <Group gap="sm">
                  {step > 1 && (
                    <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden="true" />} onClick={() => goTo(previousStep(step, serviceType))} disabled={busy}>
                      {t('wizard.back')}
                    </Button>
                  )}
                  {step === LAST_STEP ? (
                    <Button type="submit" loading={addService.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}>
                      {t('actions.save')}
                    </Button>
                  ) : (
                    <Button type="submit" loading={checking} rightSection={<IconArrowRight size={16} aria-hidden="true" />}>
                      {t('wizard.next')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Stack>
          </form>
        </Card>
      </Grid.Col>

      <Modal opened={confirmCancel} onClose={() => setConfirmCancel(false)} title={t('wizard.cancelTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Text fz="sm">{t('wizard.cancelText', { name: `${user.firstName} ${user.lastName}` })}</Text>
        <ModalActions
          label={t('wizard.discard')}
          onConfirm={discard}
          pending={false}
          color="red"
          onCancel={() => setConfirmCancel(false)}
          cancelLabel={t('wizard.keepEditing')}
          focusCancel
          mt="lg"
        />
      </Modal>
    </Grid>
  );
};

export const AddServicePage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const crumbs = useSelfServiceCrumbs(true);
  const user = useMobileUser(id);
  const catalog = useCatalog();
  const name = user.data ? `${user.data.firstName} ${user.data.lastName}` : null;

  if (user.isError && isApiError(user.error) && user.error.status === 404) {
    return <NotFoundContent title={t('userView.notFound')} description={t('userView.notFoundHint')} backTo="/self-service/uc-mobile/users" backLabel={t('userView.backToUsers')} />;
  }

  return (
    <Page
      title={t('wizard.title')}
      documentTitle={name ? `${t('wizard.title')} — ${name}` : t('wizard.title')}
      description={name ? t('wizard.forUser', { name }) : undefined}
      breadcrumbs={name ? [...crumbs, { label: name, to: userPath(id) }] : crumbs}
    >
      <QueryContent query={user} skeletons={[420]}>
        {(data) => (
          <QueryContent query={catalog} skeletons={[420]}>
            {(catalogData) => <Wizard user={data} catalog={catalogData} />}
          </QueryContent>
        )}
      </QueryContent>
    </Page>
  );
};
