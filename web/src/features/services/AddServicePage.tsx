import { Alert, Button, Card, Grid, Group, List, Modal, Progress, Stack, Stepper, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconArrowRight, IconDeviceFloppy, IconMinus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { NotFoundContent } from '../../app/NotFoundPage';
import { isApiError } from '../../shared/api/client';
import type { MobileUser } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useMobileUser } from '../mobile-users/api';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { userPath } from '../mobile-users/UsersListPage';
import { checkWizardStep, useAddService, useCatalog, useWizardStock, type Catalog, type ServiceDetail, type WizardInput } from './api';
import { scheduleProblem } from './brussels-time';
import { FixedNumberStep } from './FixedNumberStep';
import { NumberStep } from './NumberStep';
import { useServiceText } from './service-text';
import { SimStep } from './SimStep';
import {
  CHECKED_STEPS,
  EMPTY_PORT_DETAILS,
  LAST_STEP,
  STEPS,
  changeChoices,
  firstIncompleteStep,
  groupFieldErrors,
  hasChoices,
  monthlyTotalCents,
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

export const addServicePath = (userId: string) => `${userPath(userId)}/add-service`;

// ---------------------------------------------------------------- port-in details (session storage)

const storageKey = (userId: string) => `fd.addService.${userId}.port`;

const readStoredPort = (userId: string): PortDetails => {
  try {
    const raw = window.sessionStorage.getItem(storageKey(userId));
    const parsed = raw ? (JSON.parse(raw) as Partial<PortDetails>) : {};
    const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');
    return { customerNumber: text(parsed.customerNumber), donorSimNumber: text(parsed.donorSimNumber), holderName: text(parsed.holderName) };
  } catch {
    return EMPTY_PORT_DETAILS;
  }
};

/** The donor's customer number, SIM number and holder: kept for this tab only, never in the address. */
const usePortDetails = (userId: string, porting: boolean) => {
  const [port, setPort] = useState<PortDetails>(() => (porting ? readStoredPort(userId) : EMPTY_PORT_DETAILS));
  useEffect(() => {
    try {
      if (Object.values(port).some((value) => value !== '')) window.sessionStorage.setItem(storageKey(userId), JSON.stringify(port));
      else window.sessionStorage.removeItem(storageKey(userId));
    } catch {
      // storage unavailable (private mode): a reload then asks for the details again
    }
  }, [port, userId]);
  /** After Save or Cancel: gone at once, not when the page would next render. */
  const forget = () => {
    setPort(EMPTY_PORT_DETAILS);
    try {
      window.sessionStorage.removeItem(storageKey(userId));
    } catch {
      // nothing was stored
    }
  };
  return [port, setPort, forget] as const;
};

// ---------------------------------------------------------------- which fields a change touches

/** Server errors to drop when a choice changes: the fields that choice feeds. */
const FIELDS_OF: Record<keyof WizardChoices | keyof PortDetails, string[]> = {
  productTypeCode: ['productTypeCode'],
  serviceTypeCode: ['serviceTypeCode'],
  bundleCode: ['bundleCode', 'optionCodes'],
  optionCodes: ['optionCodes'],
  numberKind: ['number.'],
  newMsisdn: ['number.msisdn'],
  portMsisdn: ['number.msisdn'],
  donorOperator: ['number.donorOperator'],
  accountType: ['number.accountType', 'number.customerNumber', 'number.donorSimNumber'],
  portFromServiceId: ['number.serviceId'],
  customerNumber: ['number.customerNumber'],
  donorSimNumber: ['number.donorSimNumber'],
  holderName: ['number.holderName'],
  simKind: ['sim.', 'activation.method'],
  iccid: ['sim.iccid'],
  fixedKind: ['fixedNumber.'],
  fixedNumberId: ['fixedNumber.fixedNumberId'],
  method: ['activation.method'],
  timing: ['activation.timing', 'activation.scheduledStartAt'],
  startAt: ['activation.scheduledStartAt'],
};

const withoutFieldsOf = (errors: FieldErrors, keys: string[]): FieldErrors => {
  const prefixes = keys.flatMap((key) => FIELDS_OF[key as keyof typeof FIELDS_OF] ?? []);
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !prefixes.some((prefix) => (prefix.endsWith('.') ? field.startsWith(prefix) : field === prefix))));
};

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

// ---------------------------------------------------------------- the wizard

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

const Wizard = ({ user, catalog }: { user: MobileUser; catalog: Catalog }) => {
  const { t } = useTranslation();
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

  // The address may ask for a step whose earlier steps are not done (an edited or old link):
  // show the first one that still needs something instead.
  const reachable = firstIncompleteStep(choices, port, selection);
  let step = Math.min(requestedStep, reachable);
  if (!stepApplies(step, serviceType)) step = nextStep(step, serviceType);

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
  const shownStep = useRef(step);
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
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

  /** What the browser can tell without asking the server: a choice that was not made. */
  const missingChoices = (at: number): FieldErrors => {
    const current = latest.current.choices;
    const chosen = selectionOf(catalog, current);
    const missing: FieldErrors = {};
    const need = (field: string, ok: boolean, message: string) => {
      if (!ok) missing[field] = message;
    };
    switch (stepKey(at)) {
      case 'product':
        need('productTypeCode', chosen.productType !== null, t('wizard.required.product'));
        break;
      case 'serviceType':
        need('serviceTypeCode', chosen.serviceType !== null, t('wizard.required.serviceType'));
        break;
      case 'bundle':
        need('bundleCode', chosen.bundle !== null, t('wizard.required.bundle'));
        break;
      case 'number':
        need('number.kind', current.numberKind !== null, t('wizard.required.numberKind'));
        if (current.numberKind === 'new') need('number.msisdn', current.newMsisdn !== null, t('wizard.required.newNumber'));
        if (current.numberKind === 'port_internal') need('number.serviceId', current.portFromServiceId !== null, t('wizard.required.portService'));
        break;
      case 'sim':
        need('sim.kind', current.simKind !== null, t('wizard.required.sim'));
        break;
      case 'fixedNumber':
        need('fixedNumber.kind', current.fixedKind !== null, t('wizard.required.fixedKind'));
        if (current.fixedKind) need('fixedNumber.fixedNumberId', current.fixedNumberId !== null, t('wizard.required.fixedNumber'));
        break;
      case 'activation': {
        need('activation.method', current.method !== null, t('wizard.required.method'));
        need('activation.timing', current.timing !== null, t('wizard.required.timing'));
        const startProblem = current.timing === 'later' && current.startAt ? scheduleProblem(current.startAt) : null;
        if (startProblem) missing['activation.scheduledStartAt'] = t(`wizard.schedule.${startProblem}`);
        break;
      }
      case 'confirm':
        break;
    }
    return missing;
  };

  const refuseIfMissing = (at: number): boolean => {
    const missing = missingChoices(at);
    const first = Object.keys(missing)[0];
    if (!first) return false;
    setErrors(missing);
    setProblem(null);
    focusField(first);
    return true;
  };

  /** Asks the server about steps 1..upTo; false (with the errors shown) when it says no. */
  const serverAgrees = async (upTo: number): Promise<boolean> => {
    const current = latest.current.choices;
    const currentType = selectionOf(catalog, current).serviceType;
    let checkStep = upTo;
    while (checkStep > 0 && !(CHECKED_STEPS.has(checkStep) && stepApplies(checkStep, currentType))) checkStep -= 1;
    if (checkStep === 0) return true;
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

  const savedMessage = (service: ServiceDetail) => {
    const name = `${user.firstName} ${user.lastName}`;
    if (service.status === 'waiting_for_activation') {
      return service.scheduledStartAt
        ? t('wizard.saved.scheduled', { name, at: format.dateTime(service.scheduledStartAt) })
        : t('wizard.saved.waiting', { name });
    }
    return service.activationMethod === 'email' ? t('wizard.saved.emailSent', { name, email: user.email }) : t('wizard.saved.started', { name });
  };

  const save = async () => {
    if (busy || refuseIfMissing(LAST_STEP)) return;
    setErrors({});
    setProblem(null);
    try {
      const current = latest.current.choices;
      const service = await addService.mutateAsync(toWizardInput(current, port, selectionOf(catalog, current).serviceType) as WizardInput);
      forgetPort();
      notify({ color: 'green', title: t('wizard.saved.title', { service: service.serviceType.name }), message: savedMessage(service) });
      navigate(userPath(user.id), { replace: true });
    } catch (error) {
      showServerError(error);
    }
  };

  /** Under each step's label in the stepper: what was chosen there, or that it does not apply. */
  const stepSummary = (at: number): string | undefined => {
    if (!stepApplies(at, serviceType)) return t('wizard.notNeeded');
    if (at >= step) return undefined;
    switch (stepKey(at)) {
      case 'product':
        return selection.productType?.name;
      case 'serviceType':
        return serviceType?.name;
      case 'bundle':
        return selection.bundle?.name;
      case 'confirm':
        return selection.bundle ? text.perMonth(monthlyTotalCents(selection.bundle, choices.optionCodes)) : undefined;
      case 'number':
        if (choices.numberKind === 'new' && choices.newMsisdn) return format.phone(choices.newMsisdn);
        if (choices.numberKind === 'port_in') return t('wizard.stepSummary.portIn', { number: format.phone(choices.portMsisdn) });
        return choices.numberKind === 'port_internal' ? t('wizard.stepSummary.portInternal') : undefined;
      case 'sim':
        return choices.simKind ? text.simChoice(choices.simKind) : undefined;
      case 'fixedNumber':
        return choices.fixedKind ? t(`wizard.stepSummary.fixed_${choices.fixedKind}`) : undefined;
      default:
        return undefined;
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
        <Card component="nav" aria-label={t('wizard.stepsLabel')} padding="md">
          <Stepper active={step - 1} orientation="vertical" size="sm" onStepClick={(index) => void jumpTo(index + 1)} allowNextStepsSelect={false}>
            {STEPS.map((stepName, index) => {
              const at = index + 1;
              const applies = stepApplies(at, serviceType);
              const selectable = applies && at !== step && (at < step || at <= reachable);
              return (
                <Stepper.Step
                  key={stepName}
                  label={t(`wizard.steps.${stepName}`)}
                  description={stepSummary(at)}
                  allowStepSelect={selectable}
                  aria-current={at === step ? 'step' : undefined}
                  aria-disabled={!selectable || undefined}
                  icon={applies ? undefined : <IconMinus size={14} aria-hidden="true" />}
                  completedIcon={applies ? undefined : <IconMinus size={14} aria-hidden="true" />}
                  color={applies ? undefined : 'gray.5'}
                />
              );
            })}
          </Stepper>
        </Card>
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
                  // a choice that was not made: its message is under the choice; say it too
                  <VisuallyHidden>{Object.values(errors)[0]}</VisuallyHidden>
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
        <Group justify="flex-end" mt="lg" gap="sm">
          <Button variant="default" onClick={() => setConfirmCancel(false)} data-autofocus>
            {t('wizard.keepEditing')}
          </Button>
          <Button color="red" onClick={discard}>
            {t('wizard.discard')}
          </Button>
        </Group>
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
