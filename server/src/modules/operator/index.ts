// The operator module's public surface: its branding and contact points.
export { getOperatorBranding } from './operator.repository.js';
