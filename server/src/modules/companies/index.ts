// The companies module's public surface for other modules: a company's contract and account manager.
export { findContract } from './back-office.repository.js';
export { accountManagerOf, companyExists, operatorStaffToTell } from './companies.repository.js';
