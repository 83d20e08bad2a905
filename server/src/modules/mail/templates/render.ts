import type { MailAttachment } from '../../../db/schema.js';
import { activationMail, type ActivationMailData } from './activation.js';
import { activationFailedMail, type ActivationFailedMailData } from './activation-failed.js';
import { adminInviteMail, type AdminInviteMailData } from './admin-invite.js';
import { renderHtml, renderText } from './blocks.js';
import type { Composed, RenderContext } from './common.js';
import { employeeRequestMail, type EmployeeRequestMailData } from './employee-request.js';
import { employeeSignInMail, type EmployeeSignInMailData } from './employee-sign-in.js';
import { esimQrMail, type EsimQrMailData } from './esim-qr.js';
import { passwordResetMail, type PasswordResetMailData } from './password-reset.js';
import { eventHubDisabledMail, type EventHubDisabledMailData } from './event-hub-disabled.js';
import { lineReportedLostMail, type LineReportedLostMailData } from './line-reported-lost.js';
import { portingRefusedMail, type PortingRefusedMailData } from './porting-refused.js';
import { serviceActiveMail, type ServiceActiveMailData } from './service-active.js';
import { requestUpdatedMail, type RequestUpdatedMailData } from './request-updated.js';
import { usageAlertMail, type UsageAlertMailData } from './usage-alert.js';
import { approvalDecidedMail, approvalRequestedMail, type ApprovalDecidedMailData, type ApprovalRequestedMailData } from './approval.js';

/** Which e-mail, with the data it needs. */
export type MailContent =
  | { template: 'activation'; data: ActivationMailData }
  | { template: 'esim_qr'; data: EsimQrMailData }
  | { template: 'porting_refused'; data: PortingRefusedMailData }
  | { template: 'service_active'; data: ServiceActiveMailData }
  | { template: 'request_updated'; data: RequestUpdatedMailData }
  | { template: 'admin_invite'; data: AdminInviteMailData }
  | { template: 'activation_failed'; data: ActivationFailedMailData }
  | { template: 'line_reported_lost'; data: LineReportedLostMailData }
  | { template: 'password_reset'; data: PasswordResetMailData }
  | { template: 'usage_alert'; data: UsageAlertMailData }
  | { template: 'event_hub_disabled'; data: EventHubDisabledMailData }
  | { template: 'approval_requested'; data: ApprovalRequestedMailData }
  | { template: 'approval_decided'; data: ApprovalDecidedMailData }
  | { template: 'employee_sign_in'; data: EmployeeSignInMailData }
  | { template: 'employee_request'; data: EmployeeRequestMailData };

export type MailTemplate = MailContent['template'];
export const MAIL_TEMPLATES: readonly MailTemplate[] = ['activation', 'esim_qr', 'porting_refused', 'service_active', 'request_updated', 'admin_invite', 'activation_failed', 'line_reported_lost', 'password_reset', 'usage_alert', 'event_hub_disabled', 'approval_requested', 'approval_decided', 'employee_sign_in', 'employee_request'];

export type RenderedMail = { subject: string; html: string; text: string; attachments: MailAttachment[] };

const compose = (content: MailContent, ctx: RenderContext): Composed | Promise<Composed> => {
  switch (content.template) {
    case 'activation':
      return activationMail(content.data, ctx);
    case 'esim_qr':
      return esimQrMail(content.data, ctx);
    case 'porting_refused':
      return portingRefusedMail(content.data, ctx);
    case 'service_active':
      return serviceActiveMail(content.data, ctx);
    case 'request_updated':
      return requestUpdatedMail(content.data, ctx);
    case 'admin_invite':
      return adminInviteMail(content.data, ctx);
    case 'activation_failed':
      return activationFailedMail(content.data, ctx);
    case 'line_reported_lost':
      return lineReportedLostMail(content.data, ctx);
    case 'password_reset':
      return passwordResetMail(content.data, ctx);
    case 'usage_alert':
      return usageAlertMail(content.data, ctx);
    case 'event_hub_disabled':
      return eventHubDisabledMail(content.data, ctx);
    case 'approval_requested':
      return approvalRequestedMail(content.data, ctx);
    case 'approval_decided':
      return approvalDecidedMail(content.data, ctx);
    case 'employee_sign_in':
      return employeeSignInMail(content.data, ctx);
    case 'employee_request':
      return employeeRequestMail(content.data, ctx);
  }
};

/** One e-mail in the recipient's language: subject, HTML, plain text and attachments (inline images). */
export const renderMail = async (content: MailContent, ctx: RenderContext): Promise<RenderedMail> => {
  const composed = await compose(content, ctx);
  const doc = { lang: ctx.lang, subject: composed.subject, brand: ctx.brand, blocks: composed.blocks, footer: composed.footer ?? [] };
  return { subject: composed.subject, html: renderHtml(doc), text: renderText(doc), attachments: composed.attachments ?? [] };
};
