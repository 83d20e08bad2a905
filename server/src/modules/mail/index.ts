// The mail module's public surface. Other modules queue e-mail with `queueMail` inside their own
// transaction; the `mail.send` job (mail.jobs.ts) sends it through the transport portal.ts makes.
export { mobileUserRecipient, queueMail, type MailMessage } from './use-cases/queue-mail.js';
export { smtpTransport, type MailTransport } from './mail-transport.js';
export { MAIL_TEMPLATES, type MailContent, type MailTemplate } from './templates/render.js';
export type { ActivationMailData } from './templates/activation.js';
export { lpaActivationCode, type EsimQrMailData } from './templates/esim-qr.js';
export { PORTING_ISSUES_PATH, type PortingRefusedMailData } from './templates/porting-refused.js';
export type { ServiceActiveMailData } from './templates/service-active.js';
export type { NumberSource } from './templates/common.js';
export { requestPath, type RequestUpdatedMailData } from './templates/request-updated.js';
export type { UsageAlertMailData } from './templates/usage-alert.js';
export { APPROVALS_PATH, type ApprovalDecidedMailData, type ApprovalRequestedMailData } from './templates/approval.js';
export type { EmployeeRequestMailData } from './templates/employee-request.js';
