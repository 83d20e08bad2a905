import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, phone, questionsForUser, signOff, type Composed, type RenderContext } from './common.js';

/**
 * An employee's request from My lines (a new eSIM, another bundle): to the administrators when it
 * is made, and to the employee when it is approved or refused.
 */
export type EmployeeRequestMailData = {
  kind: 'new_esim' | 'bundle_change';
  msisdn: string | null;
  userName: string;
  /** bundle change: the bundle asked for, in the recipient's language */
  bundleName?: string | null;
  note?: string | null;
} & (
  | { audience: 'admin'; companyName: string; pageUrl: string }
  | { audience: 'employee'; outcome: 'approved' | 'refused'; reason?: string | null; decidedBy: string; pageUrl: string }
);

export const employeeRequestMail = (data: EmployeeRequestMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const params = { user: data.userName, number: data.msisdn ? phone(data.msisdn) : '—', bundle: data.bundleName ?? '', portal: brand.portalName };
  const what = t(lang, `mail.employeeRequest.what_${data.kind}`, params);
  if (data.audience === 'admin') {
    return {
      subject: t(lang, `mail.employeeRequest.admin.subject_${data.kind}`, params),
      blocks: [
        greeting(ctx),
        { kind: 'paragraph', text: [t(lang, 'mail.employeeRequest.admin.intro', { ...params, what })] },
        ...(data.note ? [{ kind: 'note' as const, text: [t(lang, 'mail.employeeRequest.note', { note: data.note })] }] : []),
        { kind: 'paragraph', text: [t(lang, 'mail.employeeRequest.admin.next')] },
        { kind: 'button', label: t(lang, 'mail.employeeRequest.admin.button', params), href: data.pageUrl },
        { kind: 'paragraph', text: contactForAdmin(ctx) },
        ...signOff(ctx),
      ],
      footer: [t(lang, 'mail.common.asAdmin', { company: data.companyName }), ...footer(ctx)],
    };
  }
  return {
    subject: t(lang, `mail.employeeRequest.employee.subject_${data.outcome}`, { ...params, what }),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, `mail.employeeRequest.employee.intro_${data.outcome}_${data.kind}`, { ...params, by: data.decidedBy })] },
      ...(data.reason ? [{ kind: 'note' as const, text: [t(lang, 'mail.employeeRequest.reason', { reason: data.reason })] }] : []),
      { kind: 'button', label: t(lang, 'mail.employeeRequest.employee.button'), href: data.pageUrl },
      { kind: 'paragraph', text: questionsForUser(ctx) },
      ...signOff(ctx),
    ],
    footer: footer(ctx),
  };
};
