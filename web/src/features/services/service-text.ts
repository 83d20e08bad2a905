import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';

/** How the wizard, the service page, the waiting list and the catalog put a service's parts into words. */
export const useServiceText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    /**
     * What a bundle holds (call minutes null: unlimited; 0: no telephony): "20 GB of data · Unlimited
     * calls", or in a table's narrow column ("short") "20 GB · Unlimited calls".
     */
    allowance: (bundle: { dataGb: number | null; callMinutes: number | null }, style: 'full' | 'short' = 'full'): string => {
      const short = style === 'short';
      const data = bundle.dataGb === null ? null : t(short ? 'backOffice.catalog.data' : 'wizard.allowance.data', { gb: format.number(bundle.dataGb) });
      const calls =
        bundle.callMinutes === null
          ? t('wizard.allowance.unlimitedCalls')
          : bundle.callMinutes > 0
            ? short
              ? t('backOffice.catalog.minutes', { count: bundle.callMinutes, formatted: format.number(bundle.callMinutes) })
              : t('wizard.allowance.minutes', { minutes: format.number(bundle.callMinutes) })
            : short
              ? null
              : t('wizard.allowance.noCalls');
      return [data, calls].filter((part) => part !== null).join(' · ');
    },
    perMonth: (cents: number) => t('wizard.perMonth', { price: format.money(cents) }),
    numberSource: (kind: string) => t(`serviceDetail.numberSource.${kind}`, { defaultValue: kind }),
    simChoice: (kind: string) => t(`serviceDetail.simChoice.${kind}`, { defaultValue: kind }),
    method: (method: string) => t(`serviceDetail.method.${method}`, { defaultValue: method }),
    timing: (timing: string) => t(`serviceDetail.timing.${timing}`, { defaultValue: timing }),
    event: (event: string) => t(`serviceEvent.${event}`, { ns: 'common', defaultValue: event.replace(/_/g, ' ') }),
  };
};
