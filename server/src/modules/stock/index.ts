// The stock module's public surface. It owns every write to mobile_numbers, sim_cards (with eSIM
// profiles) and fixed_numbers: other modules reserve, assign, release, quarantine, retire and move
// stock through these verbs (allocation.repository.ts), inside their own transaction.
export {
  assignFixedNumber,
  assignStock,
  cancelSimSwap,
  completeSimSwap,
  countFreeEsims,
  findFixedNumber,
  findSimByIccid,
  mobileNumberStatus,
  moveNumber,
  quarantineNumberOf,
  releaseFixedNumberOf,
  releaseStock,
  reserveEsim,
  reserveMobileNumber,
  reserveSim,
  retireSimsOf,
} from './allocation.repository.js';
