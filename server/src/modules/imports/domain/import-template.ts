import type { RowValues } from './import-file.js';

type Lang = 'en' | 'fr' | 'nl';

// Names that read naturally in each language; the rest of a row is the same everywhere.
const PEOPLE: Record<Lang, [string, string][]> = {
  en: [['Anna', 'Peeters'], ['Tom', 'Willems'], ['Sarah', 'Maes'], ['David', 'Jacobs'], ['Laura', 'Mertens'], ['Mark', 'Claes']],
  fr: [['Marie', 'Dubois'], ['Julien', 'Lambert'], ['Sophie', 'Dupont'], ['Nicolas', 'Martin'], ['Camille', 'Leroy'], ['Thomas', 'Simon']],
  nl: [['Lotte', 'Janssens'], ['Pieter', 'Wouters'], ['Eva', 'Goossens'], ['Bram', 'De Smet'], ['Noor', 'Peeters'], ['Jonas', 'Vermeulen']],
};

/**
 * The template's example rows, one for each way a row can be: a user without a service, then a
 * service with a new number and an eSIM started at once, a port-in with the SIM entered by the user,
 * a number kept from one of the company's services, a SIM card from stock started at a date, and a
 * SmartMobile line with a fixed number. The numbers are examples: a real file names the company's own.
 */
export const templateRows = (lang: Lang): RowValues[] => {
  const person = (i: number): RowValues => {
    const [first, last] = PEOPLE[lang][i]!;
    const email = `${first}.${last}`.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, '');
    return { row_id: `R${i + 1}`, first_name: first, last_name: last, email: `${email}@example.com`, language: lang, department: i % 2 ? 'Sales' : 'Operations' };
  };
  const mobile: RowValues = { product_type: 'mobile', service_type: 'mobile.voice', bundle: 'mobile-m' };
  const rows: RowValues[] = [
    person(0),
    { ...person(1), ...mobile, options: 'data-10', number_choice: 'new', sim: 'esim', activation_method: 'automatic', activation_start: 'now' },
    {
      ...person(2),
      ...mobile,
      number_choice: 'port_in',
      number: '0475 12 34 56',
      donor_operator: 'proximus',
      account_type: 'postpaid',
      customer_number: 'PX-1234567',
      holder_name: 'Example Ltd',
      sim: 'user_enters',
      activation_method: 'email',
      activation_start: 'now',
    },
    { ...person(3), ...mobile, number_choice: 'keep', number: '0470 00 00 01', sim: 'esim', activation_method: 'email', activation_start: 'later' },
    { ...person(4), ...mobile, number_choice: 'new', sim: 'admin_sim', iccid: '8932000000000000006', activation_method: 'automatic', activation_start: '31/12/2026 09:00' },
    {
      ...person(5),
      product_type: 'smartmobile',
      service_type: 'smartmobile.converged',
      bundle: 'smart-pro',
      number_choice: 'new',
      sim: 'esim',
      fixed_number_choice: 'available',
      fixed_number: '02 200 12 34',
      activation_method: 'email',
      activation_start: 'now',
    },
  ];
  return rows;
};
