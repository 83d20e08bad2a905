import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestKind, RequestStatus, RequestSummary } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';

/** Words for requests: kinds and statuses (shared with the server's e-mails), a one-line subject, history lines. */
export const useRequestText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const kind = useCallback((k: RequestKind) => t(`requestLabels.kind.${k}`, { ns: 'common' }), [t]);
  const status = useCallback((s: RequestStatus) => t(`requestLabels.status.${s}`, { ns: 'common' }), [t]);

  /** What the request is about, in one line, from its kind's details. */
  const subject = useCallback(
    (r: Pick<RequestSummary, 'kind' | 'details' | 'office' | 'serviceCount'>) => {
      const d = r.details;
      const office = r.office?.name ?? '';
      switch (r.kind) {
        case 'move':
          return t('requests.subject.move', { office, city: d.newAddress?.city ?? '', date: d.movingDate ? format.calendarDate(d.movingDate) : '' });
        case 'add':
          return d.target === 'office' ? t('requests.subject.addOffice', { name: d.newOffice?.name ?? '', city: d.newOffice?.city ?? '' }) : t('requests.subject.addService', { office, wanted: d.wanted ?? '' });
        case 'change':
          return t('requests.subject.change', { service: d.serviceName ?? '', from: d.currentConfiguration ?? '', to: d.newConfiguration ?? '' });
        case 'delete':
          return d.target === 'office'
            ? t('requests.subject.deleteOffice', { office })
            : t('requests.subject.deleteServices', { count: r.serviceCount, formatted: format.number(r.serviceCount), office });
        case 'support':
          return d.topic === 'fixed_numbers' ? t('requests.subject.fixedNumbers', { count: d.quantity ?? 0, formatted: format.number(d.quantity ?? 0) }) : t('requests.subject.serviceProblem');
      }
    },
    [t, format],
  );

  return useMemo(() => ({ kind, status, subject }), [kind, status, subject]);
};
