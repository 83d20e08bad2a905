type LocalizedText = { en: string; fr: string; nl: string };

/** Belgian mobile operators a number can be ported from (the donor register of a port-in). */
export const DONOR_OPERATORS: { code: string; name: LocalizedText }[] = [
  { code: 'proximus', name: { en: 'Proximus', fr: 'Proximus', nl: 'Proximus' } },
  { code: 'orange', name: { en: 'Orange Belgium', fr: 'Orange Belgium', nl: 'Orange Belgium' } },
  { code: 'base', name: { en: 'BASE / Telenet', fr: 'BASE / Telenet', nl: 'BASE / Telenet' } },
  { code: 'digi', name: { en: 'DIGI', fr: 'DIGI', nl: 'DIGI' } },
  { code: 'scarlet', name: { en: 'Scarlet', fr: 'Scarlet', nl: 'Scarlet' } },
  { code: 'mobile_vikings', name: { en: 'Mobile Vikings', fr: 'Mobile Vikings', nl: 'Mobile Vikings' } },
  { code: 'voo', name: { en: 'VOO', fr: 'VOO', nl: 'VOO' } },
  { code: 'lycamobile', name: { en: 'Lycamobile', fr: 'Lycamobile', nl: 'Lycamobile' } },
  { code: 'other', name: { en: 'Another operator', fr: 'Un autre opérateur', nl: 'Een andere operator' } },
];

export const isDonorOperator = (code: string) => DONOR_OPERATORS.some((o) => o.code === code);
