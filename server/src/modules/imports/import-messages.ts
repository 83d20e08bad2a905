import { t, type Lang } from '../../platform/i18n.js';
import type { ImportColumn, ImportIssue } from './domain/import-file.js';

/** The column's header in the reader's language. */
export const columnLabel = (lang: Lang, column: ImportColumn) => t(lang, `importColumns.${column}`);

/** A row or file problem in the reader's language, naming the column by its header in that language. */
export const describeIssue = (lang: Lang, issue: ImportIssue) => {
  const label = issue.column ? columnLabel(lang, issue.column) : null;
  const message =
    issue.rule === 'error' && issue.params?.code
      ? t(lang, `errors.${issue.params.code}.detail`)
      : t(lang, [`rules.${issue.rule}`, 'rules.invalid'], { ...issue.params, field: label ?? '', column: issue.params?.column ?? label ?? '' });
  return { line: issue.line, column: issue.column, columnLabel: label, rule: issue.rule, message };
};
