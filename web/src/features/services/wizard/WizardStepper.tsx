import { Card, Stepper } from '@mantine/core';
import { IconMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CatalogServiceType } from '../../../shared/api/contract';
import { stepSelectable } from './wizard-flow';
import { STEPS, stepApplies } from './wizard-state';

type WizardStepperProps = {
  step: number;
  /** The first step still missing something: the stepper jumps ahead no further. */
  reachable: number;
  serviceType: CatalogServiceType | null;
  /** What was chosen at a step (or that it does not apply), under its label. */
  summaryOf: (step: number) => string | undefined;
  onStep: (step: number) => void;
};

/** The eight steps down the side of the wizard: done, current, ahead, or not needed for this service type. */
export const WizardStepper = ({ step, reachable, serviceType, summaryOf, onStep }: WizardStepperProps) => {
  const { t } = useTranslation();
  return (
    <Card component="nav" aria-label={t('wizard.stepsLabel')} padding="md">
      <Stepper active={step - 1} orientation="vertical" size="sm" onStepClick={(index) => onStep(index + 1)} allowNextStepsSelect={false}>
        {STEPS.map((stepName, index) => {
          const at = index + 1;
          const applies = stepApplies(at, serviceType);
          const selectable = stepSelectable(at, step, reachable, serviceType);
          return (
            <Stepper.Step
              key={stepName}
              label={t(`wizard.steps.${stepName}`)}
              description={summaryOf(at)}
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
  );
};
