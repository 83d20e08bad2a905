import type { Catalog, MobileUser, WizardStock } from '../../../shared/api/contract';
import type { FieldErrors, PortDetails, Selection, WizardChoices } from './wizard-state';

/** What every step of the wizard gets from the page that holds the state. */
export type StepProps = {
  catalog: Catalog;
  user: MobileUser;
  choices: WizardChoices;
  port: PortDetails;
  selection: Selection;
  stock: WizardStock | undefined;
  errors: FieldErrors;
  change: (change: Partial<WizardChoices>) => void;
  changePort: (change: Partial<PortDetails>) => void;
  goTo: (step: number) => void;
};

/** The element id of a wizard field, from its contract path: `number.msisdn` → `wizard-number-msisdn`. */
export const fieldId = (field: string) => `wizard-${field.replace(/\./g, '-')}`;
