import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';

/** How the wizard, the service page and the waiting list put a service's parts into words. */
export const useServiceText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    /** "20 GB of data", "Unlimited calls" — what a bundle holds (minutes null: unlimited; 0: no telephony). */
    allowance: (bundle: { dataGb: number | null; callMinutes: number | null }): string[] =>
      [
        bundle.dataGb !== null ? t('wizard.allowance.data', { gb: format.number(bundle.dataGb) }) : null,
        bundle.callMinutes === null
          ? t('wizard.allowance.unlimitedCalls')
          : bundle.callMinutes > 0
            ? t('wizard.allowance.minutes', { minutes: format.number(bundle.callMinutes) })
            : t('wizard.allowance.noCalls'),
      ].filter((part): part is string => part !== null),
    perMonth: (cents: number) => t('wizard.perMonth', { price: format.money(cents) }),
    numberSource: (kind: string) => t(`serviceDetail.numberSource.${kind}`, { defaultValue: kind }),
    simChoice: (kind: string) => t(`serviceDetail.simChoice.${kind}`, { defaultValue: kind }),
    method: (method: string) => t(`serviceDetail.method.${method}`, { defaultValue: method }),
    timing: (timing: string) => t(`serviceDetail.timing.${timing}`, { defaultValue: timing }),
    event: (event: string) => t(`serviceEvent.${event}`, { ns: 'common', defaultValue: event.replace(/_/g, ' ') }),
  };
};
