// The operator network, as the rest of Fleetdesk sees it: the gateway contract and its simulator.
export * from './network-gateway.js';
export { NetworkSimulator, type NetworkSimulatorOptions, type SimulatorLog } from './network-simulator.js';
export { seedDonorRegister } from './simulator.repository.js';
export { DONOR_REGISTER } from './domain/donor-register.js';
