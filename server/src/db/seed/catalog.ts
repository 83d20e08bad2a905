import type { LocalizedText } from '../schema.js';

// The operator's catalog as the seeds describe it (product types, service types) with plausible
// bundles and options. Operator staff can change it later; this is only the first-run content.
const L = (en: string, fr: string, nl: string): LocalizedText => ({ en, fr, nl });

export const PRODUCT_TYPES = [
  { code: 'mobile', sortOrder: 1, name: L('Dstny Mobile', 'Dstny Mobile', 'Dstny Mobile'), description: L('Mobile telephony and data.', 'Téléphonie mobile et données.', 'Mobiele telefonie en data.') },
  {
    code: 'smartmobile',
    sortOrder: 2,
    name: L('Dstny SmartMobile', 'Dstny SmartMobile', 'Dstny SmartMobile'),
    description: L(
      "Fixed/mobile integration with Dstny's cloud switchboard, or UC users (fixed only).",
      'Intégration fixe/mobile avec le standard cloud de Dstny, ou utilisateurs UC (fixe uniquement).',
      'Vast-mobiele integratie met de cloudcentrale van Dstny, of UC-gebruikers (enkel vast).',
    ),
  },
  {
    code: 'fmc',
    sortOrder: 3,
    name: L('Dstny FMC', 'Dstny FMC', 'Dstny FMC'),
    description: L(
      "Fixed/mobile integration without Dstny's cloud switchboard.",
      'Intégration fixe/mobile sans le standard cloud de Dstny.',
      'Vast-mobiele integratie zonder de cloudcentrale van Dstny.',
    ),
  },
  {
    code: 'mobile_data',
    sortOrder: 4,
    name: L('Dstny Mobile data', 'Dstny Mobile data', 'Dstny Mobile data'),
    description: L('Mobile data, no telephony (Mobile Internet only).', 'Données mobiles, sans téléphonie (Mobile Internet uniquement).', 'Mobiele data, geen telefonie (enkel Mobile Internet).'),
  },
];

const st = (code: string, productTypeCode: string, sortOrder: number, name: LocalizedText, description: LocalizedText, needs: { sim: boolean; mobile: boolean; fixed: boolean }) => ({
  code,
  productTypeCode,
  sortOrder,
  name,
  description,
  needsSim: needs.sim,
  needsMobileNumber: needs.mobile,
  needsFixedNumber: needs.fixed,
});
const SIM = { sim: true, mobile: true, fixed: false };
const CONVERGED = { sim: true, mobile: true, fixed: true };

export const SERVICE_TYPES = [
  st('mobile.voice', 'mobile', 1, L('Mobile', 'Mobile', 'Mobile'), L('Standard SIM card: calls, texts and data.', 'Carte SIM standard : appels, SMS et données.', 'Standaard simkaart: bellen, sms en data.'), SIM),
  st('mobile.internet', 'mobile', 2, L('Mobile Internet', 'Mobile Internet', 'Mobile Internet'), L('Data SIM card: some data, no telephony.', 'Carte SIM data : données, sans téléphonie.', 'Datasimkaart: data, geen telefonie.'), SIM),
  st('smartmobile.converged', 'smartmobile', 1, L('Converged SIM', 'SIM convergente', 'Convergente simkaart'), L('Fixed and mobile on one SIM card, with a fixed number.', 'Fixe et mobile sur une carte SIM, avec un numéro fixe.', 'Vast en mobiel op één simkaart, met een vast nummer.'), CONVERGED),
  st('smartmobile.data', 'smartmobile', 2, L('Data SIM', 'SIM data', 'Datasimkaart'), L('Data SIM card within SmartMobile.', 'Carte SIM data dans SmartMobile.', 'Datasimkaart binnen SmartMobile.'), SIM),
  st('smartmobile.uc', 'smartmobile', 3, L('UC user (fixed only)', 'Utilisateur UC (fixe uniquement)', 'UC-gebruiker (enkel vast)'), L('A cloud switchboard user with a fixed number, no SIM card.', 'Un utilisateur du standard cloud avec un numéro fixe, sans carte SIM.', 'Een gebruiker van de cloudcentrale met een vast nummer, zonder simkaart.'), { sim: false, mobile: false, fixed: true }),
  st('fmc.converged', 'fmc', 1, L('Converged SIM', 'SIM convergente', 'Convergente simkaart'), L('Fixed and mobile on one SIM card, with a fixed number.', 'Fixe et mobile sur une carte SIM, avec un numéro fixe.', 'Vast en mobiel op één simkaart, met een vast nummer.'), CONVERGED),
  st('mobile_data.internet', 'mobile_data', 1, L('Mobile Internet', 'Mobile Internet', 'Mobile Internet'), L('Data SIM card, no telephony.', 'Carte SIM data, sans téléphonie.', 'Datasimkaart, geen telefonie.'), SIM),
];

// Bundle names say what the bundle holds, in each language: "Mobile M — 20 GB, unlimited calls".
const bundleName = (label: string, dataGb: number | null, callMinutes: number | null): LocalizedText => {
  const parts = (gb: string, unlimited: string, min: string) =>
    [dataGb !== null ? `${dataGb} ${gb}` : null, callMinutes === null ? unlimited : callMinutes > 0 ? `${callMinutes} ${min}` : null].filter(Boolean).join(', ');
  const name = (extra: string) => (extra ? `${label} — ${extra}` : label);
  return {
    en: name(parts('GB', 'unlimited calls', 'min')),
    fr: name(parts('Go', 'appels illimités', 'min')),
    nl: name(parts('GB', 'onbeperkt bellen', 'min')),
  };
};

// `suspended`: what a suspended line costs a month (the line and number are kept); null: the full price
const b = (code: string, serviceTypeCode: string, sortOrder: number, label: string, dataGb: number | null, callMinutes: number | null, monthlyPriceCents: number, suspended: number | null = 500) => ({
  code,
  serviceTypeCode,
  sortOrder,
  name: bundleName(label, dataGb, callMinutes),
  dataGb,
  callMinutes,
  monthlyPriceCents,
  suspendedMonthlyPriceCents: suspended,
});

export const BUNDLES = [
  b('mobile-s', 'mobile.voice', 1, 'Mobile S', 5, 300, 1250),
  b('mobile-m', 'mobile.voice', 2, 'Mobile M', 20, null, 2200),
  b('mobile-l', 'mobile.voice', 3, 'Mobile L', 100, null, 3500),
  b('internet-10', 'mobile.internet', 1, 'Mobile Internet', 10, 0, 1000),
  b('internet-50', 'mobile.internet', 2, 'Mobile Internet', 50, 0, 1800),
  b('smart-essential', 'smartmobile.converged', 1, 'SmartMobile Essential', 10, 500, 2400),
  b('smart-pro', 'smartmobile.converged', 2, 'SmartMobile Pro', 40, null, 3400),
  b('smart-data-20', 'smartmobile.data', 1, 'SmartMobile Data', 20, 0, 1400),
  // a UC seat has no mobile data, and fixed calls are unlimited
  { ...b('smart-uc', 'smartmobile.uc', 1, 'UC user', null, null, 900), name: { en: 'UC user — unlimited fixed calls', fr: 'Utilisateur UC — appels fixes illimités', nl: 'UC-gebruiker — onbeperkt vast bellen' } },
  // the fixed part of a converged line keeps running: suspending it saves nothing
  b('fmc-standard', 'fmc.converged', 1, 'FMC Standard', 15, null, 2700, null),
  b('data-20', 'mobile_data.internet', 1, 'Mobile data', 20, 0, 1300),
  b('data-100', 'mobile_data.internet', 2, 'Mobile data', 100, 0, 2500),
];

export const OPTIONS = [
  { code: 'intl-100', monthlyPriceCents: 600, name: L('Extra international call minutes (100 min)', "Minutes d'appel internationales supplémentaires (100 min)", 'Extra internationale belminuten (100 min)') },
  { code: 'intl-500', monthlyPriceCents: 2000, name: L('Extra international call minutes (500 min)', "Minutes d'appel internationales supplémentaires (500 min)", 'Extra internationale belminuten (500 min)') },
  { code: 'data-10', monthlyPriceCents: 700, name: L('Extra data (10 GB)', 'Données supplémentaires (10 Go)', 'Extra data (10 GB)') },
  { code: 'roaming-world', monthlyPriceCents: 1500, name: L('Roaming World pack', 'Pack Roaming Monde', 'Roaming Wereld-pakket') },
];

const VOICE_OPTIONS = ['intl-100', 'intl-500', 'data-10', 'roaming-world'];
const DATA_OPTIONS = ['data-10', 'roaming-world'];

export const ALLOWED_OPTIONS = BUNDLES.flatMap((bundle) => {
  const codes = bundle.code === 'smart-uc' ? ['intl-100'] : bundle.callMinutes === 0 ? DATA_OPTIONS : VOICE_OPTIONS;
  return codes.map((optionCode) => ({ bundleCode: bundle.code, optionCode }));
});
