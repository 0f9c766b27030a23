import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AGENCIES } from '../domain/vocabulary.ts';
import { ValidationError } from '../domain/validation-error.ts';
import { PROTOCOLS } from '../protocols/registry.ts';
import { loadPartnershipConfig } from './partnership-config.ts';
import { OrganisationDirectory, unscheduledCareSetting } from './organisations.ts';

test('by default every agency type has an organisation, with two GP practices and two police forces', () => {
  const directory = new OrganisationDirectory(loadPartnershipConfig({}, PROTOCOLS).organisations);
  for (const agency of AGENCIES) assert.ok(directory.defaultFor(agency), agency);
  assert.equal(directory.ofAgency('gp').length, 2);
  assert.equal(directory.ofAgency('police').length, 2);
  assert.equal(directory.defaultFor('gp').code, 'Y10001');
});

test("a partnership's organisations replace the defaults of their agency types; other types keep theirs", () => {
  const config = loadPartnershipConfig(
    {
      organisations: [
        { code: 'D81001', name: 'Cambridge Road Surgery', agency: 'gp' },
        { code: 'D81002', name: 'Peterborough Health Centre', agency: 'gp' },
      ],
    },
    PROTOCOLS,
  );
  const directory = new OrganisationDirectory(config.organisations);
  assert.deepEqual(
    directory.ofAgency('gp').map((o) => o.code),
    ['D81001', 'D81002'],
  );
  assert.equal(directory.defaultFor('gp').code, 'D81001', 'the first listed is the default');
  assert.equal(directory.defaultFor('police').code, 'ZPF001');
});

test('organisations are refused with the field and the reason', () => {
  const fields = (input: unknown) => {
    try {
      loadPartnershipConfig({ organisations: input }, PROTOCOLS);
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      return error.problems.map((p) => p.field);
    }
    return [];
  };
  assert.deepEqual(fields([{ code: 'd81001', name: 'Lower case', agency: 'gp' }]), ['organisations.0.code']);
  assert.deepEqual(fields([{ code: 'D81001', name: 'A', agency: 'surgery' }]), ['organisations.0.agency']);
  assert.deepEqual(
    fields([
      { code: 'D81001', name: 'A', agency: 'gp' },
      { code: 'D81001', name: 'B', agency: 'gp' },
    ]),
    ['organisations'],
  );
});

test("a local authority's contact details and an organisation's unscheduled care are validated, naming the field", () => {
  const fields = (organisation: Record<string, unknown>) => {
    try {
      loadPartnershipConfig(
        { organisations: [{ code: 'LA0001', name: 'A council', agency: 'children-social-care', ...organisation }] },
        PROTOCOLS,
      );
    } catch (error) {
      assert.ok(error instanceof ValidationError);
      return error.problems.map((p) => `${p.field}: ${p.reason}`);
    }
    return [];
  };
  assert.deepEqual(fields({ contact: { phone: '01223 555 000', outOfHoursPhone: '0300 123 4567', email: 'mash@council.example' } }), []);
  assert.deepEqual(fields({ contact: { phone: '12345' } }), [
    'organisations.0.contact.phone: must be a UK telephone number (for example 020 7946 0123)',
  ]);
  assert.deepEqual(
    fields({ contact: { phone: '01223 555 000', email: 'not an address' } }).map((p) => p.split(':')[0]),
    ['organisations.0.contact.email'],
  );
  assert.deepEqual(
    fields({ contact: { email: 'mash@council.example' } }).map((p) => p.split(':')[0]),
    ['organisations.0.contact.phone'],
  );
  assert.deepEqual(
    fields({ unscheduledCare: 'walk-in' }).map((p) => p.split(':')[0]),
    ['organisations.0.unscheduledCare'],
  );
});

test('the unscheduled care settings: an emergency department and an ambulance service by type, others as configured', () => {
  const directory = new OrganisationDirectory([
    { code: 'UTC001', name: 'Riverside Urgent Treatment Centre', agency: 'hospital', unscheduledCare: 'urgent-treatment-centre' },
  ]);
  assert.equal(unscheduledCareSetting(directory.get('UTC001')!), 'urgent-treatment-centre');
  assert.equal(unscheduledCareSetting(directory.get('ZED001')!), 'emergency-department');
  assert.equal(unscheduledCareSetting(directory.get('ZAM001')!), 'ambulance');
  assert.equal(unscheduledCareSetting(directory.get('Y10001')!), undefined);
  assert.match(directory.defaultFor('children-social-care').contact?.phone ?? '', /^020 7946 0\d{3}$/);
});
