// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import type { Catalog, CatalogServiceType } from '../../../shared/api/contract';
import { brusselsLocalToIso, isoToBrusselsLocal } from '../../../shared/time/brussels';
import { scheduleProblem } from '../schedule';
import { EMPTY_CHOICES, EMPTY_PORT_DETAILS, changeChoices, firstIncompleteStep, groupFieldErrors, hasChoices, nextStep, previousStep, readWizardParams, selectionOf, stepApplies, toWizardInput, writeWizardParams, type WizardChoices, type WizardState } from './wizard-state';

const bundle = (code: string, options: string[]) => ({
  code,
  name: code,
  dataGb: 10,
  callMinutes: null,
  monthlyPriceCents: 2000,
  options: options.map((o) => ({ code: o, name: o, monthlyPriceCents: 500 })),
});

const serviceType = (code: string, needs: { sim: boolean; mobile: boolean; fixed: boolean }, bundles = [bundle(`${code}-b`, ['intl', 'data'])]): CatalogServiceType => ({
  code,
  name: code,
  description: '',
  needsSim: needs.sim,
  needsMobileNumber: needs.mobile,
  needsFixedNumber: needs.fixed,
  bundles,
});

const MOBILE = serviceType('mobile.voice', { sim: true, mobile: true, fixed: false }, [bundle('s', ['intl', 'data']), bundle('m', ['data'])]);
const CONVERGED = serviceType('smartmobile.converged', { sim: true, mobile: true, fixed: true });
const UC = serviceType('smartmobile.uc', { sim: false, mobile: false, fixed: true });

const catalog: Catalog = {
  productTypes: [
    { code: 'mobile', name: 'Mobile', description: '', serviceTypes: [MOBILE] },
    { code: 'smartmobile', name: 'SmartMobile', description: '', serviceTypes: [CONVERGED, UC] },
  ],
};

const choices = (overrides: Partial<WizardChoices>): WizardChoices => ({ ...EMPTY_CHOICES, ...overrides });

describe('wizard state in the address bar', () => {
  test('a full set of choices survives a round trip, and empty ones are left out', () => {
    const state: WizardState = {
      ...choices({
        productTypeCode: 'smartmobile',
        serviceTypeCode: 'smartmobile.converged',
        bundleCode: 'smartmobile.converged-b',
        optionCodes: ['intl', 'data'],
        numberKind: 'port_in',
        portMsisdn: '+32475123456',
        donorOperator: 'proximus',
        accountType: 'postpaid',
        simKind: 'esim',
        fixedKind: 'take_over',
        fixedNumberId: 'f-1',
        method: 'automatic',
        timing: 'later',
        startAt: '2026-12-01T08:30',
      }),
      step: 8,
    };
    const params = writeWizardParams(state);
    expect(params.get('options')).toBe('intl,data');
    expect(params.has('iccid')).toBe(false);
    expect(params.has('msisdn')).toBe(false);
    expect(readWizardParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  test('no personal port-in details ever reach the address bar', () => {
    const keys = [...writeWizardParams({ ...choices({ numberKind: 'port_in', portMsisdn: '+32475123456' }), step: 5 }).keys()];
    expect(keys.sort()).toEqual(['number', 'port', 'step']);
  });

  test('odd values in the address count as not chosen', () => {
    const state = readWizardParams(new URLSearchParams('step=12&number=steal&sim=esim&timing=later&startAt=tomorrow&options=,a,,a'));
    expect(state.step).toBe(1);
    expect(state.numberKind).toBeNull();
    expect(state.simKind).toBe('esim');
    expect(state.startAt).toBe('');
    expect(state.optionCodes).toEqual(['a']);
  });
});

describe('which steps apply', () => {
  test('every step shows until the service type is known', () => {
    for (let step = 1; step <= 8; step += 1) expect(stepApplies(step, null)).toBe(true);
  });

  test('a mobile line has no fixed number; a UC user has neither SIM nor mobile number', () => {
    expect([5, 6, 7].map((step) => stepApplies(step, MOBILE))).toEqual([true, true, false]);
    expect([5, 6, 7].map((step) => stepApplies(step, UC))).toEqual([false, false, true]);
    expect([5, 6, 7].map((step) => stepApplies(step, CONVERGED))).toEqual([true, true, true]);
  });

  test('Next and Back jump over the steps that do not apply', () => {
    expect(nextStep(4, UC)).toBe(7);
    expect(previousStep(7, UC)).toBe(4);
    expect(nextStep(6, MOBILE)).toBe(8);
    expect(previousStep(8, MOBILE)).toBe(6);
    expect(nextStep(8, MOBILE)).toBe(8);
    expect(previousStep(1, MOBILE)).toBe(1);
  });

  test('the first incomplete step stops a jump ahead', () => {
    const state = choices({ productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 's', numberKind: 'new', newMsisdn: '+32470300001' });
    expect(firstIncompleteStep(state, EMPTY_PORT_DETAILS, selectionOf(catalog, state))).toBe(6);
    const ported = { ...state, numberKind: 'port_in' as const, newMsisdn: null, portMsisdn: '0475 12 34 56', donorOperator: 'orange', accountType: 'prepaid' as const };
    expect(firstIncompleteStep(ported, { ...EMPTY_PORT_DETAILS, holderName: 'An' }, selectionOf(catalog, ported))).toBe(5);
    expect(firstIncompleteStep(ported, { ...EMPTY_PORT_DETAILS, holderName: 'An', donorSimNumber: '8932' }, selectionOf(catalog, ported))).toBe(6);
  });
});

describe('changing an earlier choice', () => {
  const full = choices({
    productTypeCode: 'smartmobile',
    serviceTypeCode: 'smartmobile.converged',
    bundleCode: 'smartmobile.converged-b',
    optionCodes: ['intl'],
    numberKind: 'new',
    newMsisdn: '+32470300001',
    simKind: 'admin_sim',
    iccid: '8932101000000000017',
    fixedKind: 'available',
    fixedNumberId: 'f-1',
    method: 'automatic',
    timing: 'later',
    startAt: '2026-12-01T08:30',
  });

  test('another product type clears the service type, bundle and options', () => {
    const next = changeChoices(catalog, full, { productTypeCode: 'mobile' });
    expect(next).toMatchObject({ serviceTypeCode: null, bundleCode: null, optionCodes: [] });
    // still possibly right for the next service type: kept until it is chosen
    expect(next.numberKind).toBe('new');
  });

  test('a service type without SIM and mobile number drops those sections and their details', () => {
    const next = changeChoices(catalog, full, { serviceTypeCode: 'smartmobile.uc' });
    expect(next).toMatchObject({ bundleCode: null, numberKind: null, newMsisdn: null, simKind: null, iccid: '', fixedKind: 'available', fixedNumberId: 'f-1' });
    // no SIM at all: starting automatically is fine
    expect(next.method).toBe('automatic');
  });

  test('another bundle keeps only the options it allows', () => {
    const mobile = choices({ productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 's', optionCodes: ['intl', 'data'] });
    expect(changeChoices(catalog, mobile, { bundleCode: 'm' }).optionCodes).toEqual(['data']);
  });

  test('the user entering the SIM rules out starting automatically', () => {
    const next = changeChoices(catalog, full, { simKind: 'user_enters' });
    expect(next).toMatchObject({ simKind: 'user_enters', iccid: '', method: null, timing: 'later' });
  });

  test('each alternative drops the details of the others', () => {
    expect(changeChoices(catalog, full, { numberKind: 'port_internal' })).toMatchObject({ newMsisdn: null, portFromServiceId: null });
    expect(changeChoices(catalog, full, { fixedKind: 'take_over' }).fixedNumberId).toBeNull();
    expect(changeChoices(catalog, full, { fixedKind: 'take_over', fixedNumberId: 'f-9' }).fixedNumberId).toBe('f-9');
    expect(changeChoices(catalog, full, { timing: 'asap' }).startAt).toBe('');
  });

  test('Cancel asks only once something was chosen', () => {
    expect(hasChoices(EMPTY_CHOICES, EMPTY_PORT_DETAILS)).toBe(false);
    expect(hasChoices(choices({ productTypeCode: 'mobile' }), EMPTY_PORT_DETAILS)).toBe(true);
    expect(hasChoices(EMPTY_CHOICES, { ...EMPTY_PORT_DETAILS, holderName: 'An' })).toBe(true);
  });
});

describe('what goes to the server', () => {
  test('a check sends only the steps so far, and never a section the service type does not need', () => {
    const state = changeChoices(catalog, EMPTY_CHOICES, {
      productTypeCode: 'smartmobile',
      serviceTypeCode: 'smartmobile.uc',
      bundleCode: 'smartmobile.uc-b',
      numberKind: 'new',
      newMsisdn: '+32470300001',
      fixedKind: 'available',
      fixedNumberId: 'f-1',
      method: 'email',
      timing: 'asap',
    });
    const { serviceType } = selectionOf(catalog, state);
    expect(toWizardInput(state, EMPTY_PORT_DETAILS, serviceType, 3)).toEqual({
      productTypeCode: 'smartmobile',
      serviceTypeCode: 'smartmobile.uc',
      bundleCode: 'smartmobile.uc-b',
      optionCodes: [],
    });
    expect(toWizardInput(state, EMPTY_PORT_DETAILS, serviceType)).toEqual({
      productTypeCode: 'smartmobile',
      serviceTypeCode: 'smartmobile.uc',
      bundleCode: 'smartmobile.uc-b',
      optionCodes: [],
      fixedNumber: { kind: 'available', fixedNumberId: 'f-1' },
      activation: { method: 'email', timing: 'asap' },
    });
  });

  test('a port-in sends the customer number for postpaid, the SIM number for prepaid', () => {
    const port = { customerNumber: ' 1234567 ', donorSimNumber: '8932000000000000000', holderName: ' Acme Logistics ' };
    const base = choices({ productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 's', numberKind: 'port_in', portMsisdn: '+32 475 12 34 56', donorOperator: 'orange', accountType: 'postpaid' });
    expect(toWizardInput(base, port, MOBILE, 5).number).toEqual({
      kind: 'port_in',
      msisdn: '+32 475 12 34 56',
      donorOperator: 'orange',
      accountType: 'postpaid',
      customerNumber: '1234567',
      holderName: 'Acme Logistics',
    });
    expect(toWizardInput({ ...base, accountType: 'prepaid' }, port, MOBILE, 5).number).toMatchObject({ donorSimNumber: '8932000000000000000' });
    expect(toWizardInput({ ...base, accountType: 'prepaid' }, port, MOBILE, 5).number).not.toHaveProperty('customerNumber');
  });

  test('a later start sends the Belgian time as an instant, or null to start by hand', () => {
    const base = choices({ productTypeCode: 'mobile', method: 'email', timing: 'later' });
    expect(toWizardInput({ ...base, startAt: '2026-07-01T09:00' }, EMPTY_PORT_DETAILS, MOBILE).activation).toEqual({
      method: 'email',
      timing: 'later',
      scheduledStartAt: '2026-07-01T07:00:00.000Z',
    });
    expect(toWizardInput(base, EMPTY_PORT_DETAILS, MOBILE).activation?.scheduledStartAt).toBeNull();
  });

  test('server field errors point at the earliest step they concern', () => {
    const grouped = groupFieldErrors([
      { field: 'sim.iccid', message: 'not in stock' },
      { field: 'number.msisdn', message: 'taken' },
      { field: 'number.msisdn', message: 'second message' },
      { field: 'optionCodes.1', message: 'not allowed' },
      { field: 'number.holderName', message: 'Name of the holder is required.' },
    ]);
    expect(grouped.step).toBe(3);
    expect(grouped.byField).toEqual({
      'sim.iccid': 'not in stock',
      'number.msisdn': 'taken',
      optionCodes: 'not allowed',
      'number.holderName': 'Name of the holder is required.',
    });
  });
});

describe('Belgian time', () => {
  test('winter and summer offsets, and back', () => {
    expect(brusselsLocalToIso('2026-01-15T10:00')).toBe('2026-01-15T09:00:00.000Z');
    expect(brusselsLocalToIso('2026-07-15T10:00')).toBe('2026-07-15T08:00:00.000Z');
    expect(isoToBrusselsLocal('2026-07-15T08:00:00.000Z')).toBe('2026-07-15T10:00');
    expect(brusselsLocalToIso('not a time')).toBeNull();
  });

  test('a start must be in the future and at most 90 days ahead', () => {
    const now = Date.parse('2026-03-01T12:00:00Z');
    expect(scheduleProblem('', now)).toBe('required');
    expect(scheduleProblem('2026-03-01T12:30', now)).toBe('past'); // 11:30 UTC
    expect(scheduleProblem('2026-03-02T08:00', now)).toBeNull();
    expect(scheduleProblem('2026-06-30T08:00', now)).toBe('too_far');
  });
});
