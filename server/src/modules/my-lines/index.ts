// My lines: an employee's own page (their lines, a lost phone, requests the administrator decides).
export { employeeRequestAdminRoutes, myLinesRoutes } from './my-lines.routes.js';
