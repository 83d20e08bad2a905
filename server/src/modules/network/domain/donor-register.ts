import type { DonorEntry } from './porting-rules.js';

/**
 * The network simulator's donor register: Belgian mobile numbers held at other operators, which a
 * port-in may bring over. Anything not listed here is refused as "number unknown". The seeds are
 * fictitious; the ICCIDs are well-formed (89 32, issuer, serial, Luhn digit) so that the wizard's
 * SIM number rules accept them.
 *
 * To try a port in the demo (or a test), pick a row and type its details — in any spacing:
 *
 *   number            operator        account   customer number / SIM number   holder
 *   +32 475 12 34 56  proximus        postpaid  1234567                        Acme Logistics NV   ← browser tests
 *   +32 475 65 43 21  proximus        postpaid  7654321                        Brightwave Consulting SRL
 *   +32 476 11 22 33  proximus        prepaid   8932 0107 0011 2233 449        Lotte Janssens
 *   +32 476 44 55 66  scarlet         prepaid   8932 0103 0044 5566 779        Pieter Peeters
 *   +32 477 10 10 10  proximus        postpaid  9.876.543                      Van den Bossche Transport BV
 *   +32 477 99 88 77  orange          postpaid  C-123456                       Jan Peeters
 *   +32 478 20 20 20  mobile_vikings  prepaid   8932 2009 0012 3400 017        Emma Claes
 *   +32 478 30 30 30  proximus        postpaid  BE-00451-22                    Vermeulen & Zonen BV
 *   +32 479 40 40 40  digi            prepaid   8932 0501 0099 8877 669        Ana Ferreira
 *   +32 479 50 50 50  proximus        postpaid  5551234                        Daniel Murphy
 *   +32 484 11 12 22  orange          postpaid  ORB 884 120                    Camille Dubois
 *   +32 484 33 34 44  orange          prepaid   8932 0305 0022 4466 887        Hugo Martin
 *   +32 485 55 56 66  orange          postpaid  2024-118-77                    Brightwave Consulting SRL
 *   +32 486 77 78 88  lycamobile      prepaid   8932 3002 0013 5724 689        Nathan Laurent
 *   +32 494 12 31 23  base            postpaid  B7731902                       Acme Logistics NV
 *   +32 494 45 64 56  base            prepaid   8932 2006 0086 4209 755        Léa Simon
 *   +32 495 78 97 89  base            postpaid  300 455 881                    Claire Lejeune
 *   +32 495 01 02 03  voo             postpaid  VOO-55120                      Maxime Lemaire
 *   +32 496 04 05 06  mobile_vikings  prepaid   8932 2008 0011 3355 777        Bram Dierickx
 *   +32 496 07 08 09  base            postpaid  4455667                        Brightwave Consulting SRL
 *
 * Refusals to try: a number not listed (number unknown), a listed postpaid number with another
 * customer number (customer number mismatch), a listed prepaid number with another SIM number
 * (SIM number mismatch), or a second port-in of a number whose first is still running (port
 * already pending). +32 477 99 88 77 is the port-in example of the wizard's tests.
 */
const postpaid = (msisdn: string, operator: string, customerNumber: string, holderName: string): DonorEntry => ({
  msisdn,
  operator,
  accountType: 'postpaid',
  customerNumber,
  simNumber: null,
  holderName,
});
const prepaid = (msisdn: string, operator: string, simNumber: string, holderName: string): DonorEntry => ({
  msisdn,
  operator,
  accountType: 'prepaid',
  customerNumber: null,
  simNumber,
  holderName,
});

export const DONOR_REGISTER: readonly DonorEntry[] = [
  postpaid('+32475123456', 'proximus', '1234567', 'Acme Logistics NV'),
  postpaid('+32475654321', 'proximus', '7654321', 'Brightwave Consulting SRL'),
  prepaid('+32476112233', 'proximus', '8932010700112233449', 'Lotte Janssens'),
  prepaid('+32476445566', 'scarlet', '8932010300445566779', 'Pieter Peeters'),
  postpaid('+32477101010', 'proximus', '9.876.543', 'Van den Bossche Transport BV'),
  postpaid('+32477998877', 'orange', 'C-123456', 'Jan Peeters'),
  prepaid('+32478202020', 'mobile_vikings', '8932200900123400017', 'Emma Claes'),
  postpaid('+32478303030', 'proximus', 'BE-00451-22', 'Vermeulen & Zonen BV'),
  prepaid('+32479404040', 'digi', '8932050100998877669', 'Ana Ferreira'),
  postpaid('+32479505050', 'proximus', '5551234', 'Daniel Murphy'),
  postpaid('+32484111222', 'orange', 'ORB 884 120', 'Camille Dubois'),
  prepaid('+32484333444', 'orange', '8932030500224466887', 'Hugo Martin'),
  postpaid('+32485555666', 'orange', '2024-118-77', 'Brightwave Consulting SRL'),
  prepaid('+32486777888', 'lycamobile', '8932300200135724689', 'Nathan Laurent'),
  postpaid('+32494123123', 'base', 'B7731902', 'Acme Logistics NV'),
  prepaid('+32494456456', 'base', '8932200600864209755', 'Léa Simon'),
  postpaid('+32495789789', 'base', '300 455 881', 'Claire Lejeune'),
  postpaid('+32495010203', 'voo', 'VOO-55120', 'Maxime Lemaire'),
  prepaid('+32496040506', 'mobile_vikings', '8932200800113355777', 'Bram Dierickx'),
  postpaid('+32496070809', 'base', '4455667', 'Brightwave Consulting SRL'),
];
