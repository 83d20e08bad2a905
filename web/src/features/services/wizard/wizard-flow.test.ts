import { describe, expect, test } from 'vitest';
import type { Catalog, CatalogServiceType } from '../../../shared/api/contract';
import { parseStoredPort } from './port-storage';
import { missingChoices, savedMessage, serverCheckFor, shownStep, stepSelectable, stepSummary, withoutFieldsOf } from './wizard-flow';
import { EMPTY_CHOICES, EMPTY_PORT_DETAILS, selectionOf, type WizardChoices } from './wizard-state';

const serviceType = (code: string, needs: { sim: boolean; mobile: boolean; fixed: boolean }): CatalogServiceType => ({
  code,
  name: code,
  description: '',
  needsSim: needs.sim,
  needsMobileNumber: needs.mobile,
  needsFixedNumber: needs.fixed,
  bundles: [{ code: `${code}-b`, name: 'Bundle B', dataGb: 10, callMinutes: null, monthlyPriceCents: 2000, options: [] }],
});
const MOBILE = serviceType('mobile.voice', { sim: true, mobile: true, fixed: false });
const UC = serviceType('smartmobile.uc', { sim: false, mobile: false, fixed: true });
const catalog: Catalog = {
  productTypes: [
    { code: 'mobile', name: 'Mobile', description: '', serviceTypes: [MOBILE] },
    { code: 'smartmobile', name: 'SmartMobile', description: '', serviceTypes: [UC] },
  ],
};
const choices = (overrides: Partial<WizardChoices>): WizardChoices => ({ ...EMPTY_CHOICES, ...overrides });
const mobile = choices({ productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile.voice-b' });
const portIn = choices({ ...mobile, numberKind: 'port_in', donorOperator: 'proximus', accountType: 'postpaid' });

describe('the wizard step by step', () => {
  test('the port-in step names every empty field at once, each with its own label', () => {
    const missing = missingChoices(5, portIn, EMPTY_PORT_DETAILS, selectionOf(catalog, portIn));
    expect(Object.keys(missing)).toEqual(['number.msisdn', 'number.customerNumber', 'number.holderName']);
    expect(missing['number.msisdn']).toEqual({ key: 'rules.required', ns: 'common', label: 'portMsisdn' });
    expect(missing['number.holderName']?.label).toBe('holderName');
    // prepaid asks for the SIM card number instead; nothing chosen asks for the choices too
    const prepaid = { ...portIn, accountType: 'prepaid' as const, donorOperator: null };
    expect(Object.keys(missingChoices(5, prepaid, { ...EMPTY_PORT_DETAILS, holderName: 'Acme' }, selectionOf(catalog, prepaid)))).toEqual([
      'number.msisdn',
      'number.donorOperator',
      'number.donorSimNumber',
    ]);
  });

  test('a complete step misses nothing; the other steps say what to choose', () => {
    expect(missingChoices(5, { ...portIn, portMsisdn: '0475 12 34 56' }, { customerNumber: '1234567', donorSimNumber: '', holderName: 'Acme' }, selectionOf(catalog, portIn))).toEqual({});
    expect(missingChoices(1, EMPTY_CHOICES, EMPTY_PORT_DETAILS, selectionOf(catalog, EMPTY_CHOICES))).toEqual({ productTypeCode: { key: 'wizard.required.product' } });
    expect(missingChoices(8, mobile, EMPTY_PORT_DETAILS, selectionOf(catalog, mobile))).toEqual({
      'activation.method': { key: 'wizard.required.method' },
      'activation.timing': { key: 'wizard.required.timing' },
    });
    const past = { ...mobile, method: 'email' as const, timing: 'later' as const, startAt: '2020-01-01T10:00' };
    expect(missingChoices(8, past, EMPTY_PORT_DETAILS, selectionOf(catalog, past))).toEqual({ 'activation.scheduledStartAt': { key: 'wizard.schedule.past' } });
  });

  test('the page shows the first unfinished step at most, and skips steps that do not apply', () => {
    expect(shownStep(8, mobile, EMPTY_PORT_DETAILS, selectionOf(catalog, mobile))).toBe(5);
    expect(shownStep(2, mobile, EMPTY_PORT_DETAILS, selectionOf(catalog, mobile))).toBe(2);
    const uc = choices({ productTypeCode: 'smartmobile', serviceTypeCode: 'smartmobile.uc', bundleCode: 'smartmobile.uc-b' });
    // a UC user has no number and no SIM: asked for step 5, the fixed number (7) comes next
    expect(shownStep(5, uc, EMPTY_PORT_DETAILS, selectionOf(catalog, uc))).toBe(7);
  });

  test('the stepper goes back freely and ahead only to the first unfinished step', () => {
    expect(stepSelectable(2, 4, 5, MOBILE)).toBe(true);
    expect(stepSelectable(5, 4, 5, MOBILE)).toBe(true);
    expect(stepSelectable(6, 4, 5, MOBILE)).toBe(false);
    expect(stepSelectable(4, 4, 5, MOBILE)).toBe(false);
    expect(stepSelectable(5, 7, 8, UC)).toBe(false);
  });

  test('Next asks the server about the last checked step that applies', () => {
    expect(serverCheckFor(4, MOBILE)).toBe(3);
    expect(serverCheckFor(7, MOBILE)).toBe(6);
    expect(serverCheckFor(6, UC)).toBe(3);
    expect(serverCheckFor(0, null)).toBeNull();
  });

  test('changing a choice drops the errors it feeds, and only those', () => {
    const errors = { 'number.msisdn': 'a', 'number.holderName': 'b', 'sim.iccid': 'c', 'activation.method': 'd', bundleCode: 'e', optionCodes: 'f' };
    expect(withoutFieldsOf(errors, ['holderName'])).toEqual({ 'number.msisdn': 'a', 'sim.iccid': 'c', 'activation.method': 'd', bundleCode: 'e', optionCodes: 'f' });
    expect(withoutFieldsOf(errors, ['numberKind'])).toEqual({ 'sim.iccid': 'c', 'activation.method': 'd', bundleCode: 'e', optionCodes: 'f' });
    expect(withoutFieldsOf(errors, ['simKind', 'bundleCode'])).toEqual({ 'number.msisdn': 'a', 'number.holderName': 'b' });
  });

  test('under each step done: what was chosen there', () => {
    const done = { ...mobile, numberKind: 'port_in' as const, portMsisdn: '+32475123456', simKind: 'esim' as const };
    const selection = selectionOf(catalog, done);
    expect(stepSummary(1, 6, done, selection, 2000)).toEqual({ kind: 'name', name: 'Mobile' });
    expect(stepSummary(4, 6, done, selection, 2000)).toEqual({ kind: 'price', cents: 2000 });
    expect(stepSummary(5, 6, done, selection, 2000)).toEqual({ kind: 'message', message: { key: 'wizard.stepSummary.portIn' }, phone: '+32475123456' });
    expect(stepSummary(6, 6, done, selection, 2000)).toBeNull();
    expect(stepSummary(7, 6, done, selection, 2000)).toEqual({ kind: 'notNeeded' });
  });

  test('after Save: what happens next', () => {
    const user = { firstName: 'Lotte', lastName: 'Janssens', email: 'lotte@acme.example' };
    expect(savedMessage({ status: 'awaiting_user', scheduledStartAt: null, activationMethod: 'email' }, user)).toEqual({ key: 'wizard.saved.emailSent', values: { name: 'Lotte Janssens', email: 'lotte@acme.example' } });
    expect(savedMessage({ status: 'provisioning', scheduledStartAt: null, activationMethod: 'automatic' }, user).key).toBe('wizard.saved.started');
    expect(savedMessage({ status: 'waiting_for_activation', scheduledStartAt: null, activationMethod: 'email' }, user).key).toBe('wizard.saved.waiting');
    expect(savedMessage({ status: 'waiting_for_activation', scheduledStartAt: '2026-07-01T08:00:00Z', activationMethod: 'email' }, user)).toMatchObject({ key: 'wizard.saved.scheduled', at: '2026-07-01T08:00:00Z' });
  });

  test('port details read back from the tab are strings of sane length, or nothing', () => {
    expect(parseStoredPort(JSON.stringify({ customerNumber: '1234567', holderName: 'Acme' }))).toEqual({ customerNumber: '1234567', donorSimNumber: '', holderName: 'Acme' });
    expect(parseStoredPort(JSON.stringify({ holderName: 'x'.repeat(500) })).holderName).toHaveLength(200);
    expect(parseStoredPort('not json')).toEqual(EMPTY_PORT_DETAILS);
    expect(parseStoredPort('null')).toEqual(EMPTY_PORT_DETAILS);
    expect(parseStoredPort(JSON.stringify({ customerNumber: 42 }))).toEqual(EMPTY_PORT_DETAILS);
    expect(parseStoredPort(null)).toEqual(EMPTY_PORT_DETAILS);
  });
});
