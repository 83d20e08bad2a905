// The activation module's public surface for other modules: the employee's personal link and the
// eSIM QR e-mail, which line operations (a replacement eSIM, a phone reported lost) use as activation does.
export { companyAdmins, loadActivation, type Activation } from './activation.repository.js';
export { esimCodeOf, qrImage, queueEsimQrMail } from './use-cases/esim-code.js';
export { employee as employeeActor, getActivationPage, resolve as resolveEmployeeLink } from './use-cases/employee-activation.js';
export { sendActivationMail } from './use-cases/activation-process.js';
