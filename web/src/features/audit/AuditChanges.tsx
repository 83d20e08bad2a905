import { List, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { useCompany } from '../company/api';

// Changes are listed in the order of the form, whatever order the server sends them in.
const FIELD_ORDER = ['firstName', 'lastName', 'email', 'language', 'department', 'costCentre', 'officeId'];
const fieldRank = (field: string) => {
  const index = FIELD_ORDER.indexOf(field);
  return index === -1 ? FIELD_ORDER.length : index;
};

type ValueFormatter = (field: string, value: unknown) => string | null;

/** Turns a stored value into words: language codes into names, office ids into office names. */
const useValueFormatter = (): ValueFormatter => {
  const { t } = useTranslation();
  const labels = useLabels();
  const offices = useCompany().data?.offices ?? [];
  return (field, value) => {
    if (value === null || value === undefined || value === '') return null;
    if (field === 'language' && typeof value === 'string') return labels.language(value);
    if (field === 'officeId' && typeof value === 'string') {
      return offices.find((office) => office.id === value)?.name ?? t('audit.unknownOffice');
    }
    if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no');
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  };
};

const Value = ({ text }: { text: string | null }) => {
  const { t } = useTranslation();
  return text === null ? (
    <Text span c="dimmed" fz="sm" fs="italic">
      {t('audit.empty')}
    </Text>
  ) : (
    <Text span fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Text>
  );
};

/** "Department: Sales → Finance" for each changed field of an audit event. */
export const AuditChanges = ({ event }: { event: AuditEvent }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const formatValue = useValueFormatter();
  if (event.changes.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  const created = event.action.endsWith('.created');
  const changes = [...event.changes].sort((a, b) => fieldRank(a.field) - fieldRank(b.field));
  return (
    <List size="sm" spacing={2} listStyleType="none" withPadding={false}>
      {changes.map((change) => {
        const before = formatValue(change.field, change.before);
        const after = formatValue(change.field, change.after);
        return (
          <List.Item key={change.field}>
            <Text span fw={600} fz="sm">
              {labels.field(change.field)}
            </Text>
            <Text span fz="sm">
              {t('audit.fieldSeparator')}
            </Text>
            {created && before === null ? (
              <Value text={after} />
            ) : (
              <>
                <Value text={before} />
                <Text span fz="sm" c="dimmed" aria-hidden="true">
                  {' → '}
                </Text>
                <VisuallyHidden>{` ${t('audit.changedTo')} `}</VisuallyHidden>
                <Value text={after} />
              </>
            )}
          </List.Item>
        );
      })}
    </List>
  );
};

/** The translated name of an audit action, e.g. "mobile_user.updated" → "User updated". */
export const useAuditActionLabel = () => {
  const { t } = useTranslation();
  return (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
};
