import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPARISONS } from './comparisons/index.ts';
import { addressBand, describeBand, householdPattern, sameHousehold } from './household.ts';
import type { PersonRecord } from './person-record.ts';
import { prepareRecord } from './prepared-record.ts';
import { buildTermFrequencies } from './term-frequencies.ts';

const at = (id: string, fields: Omit<PersonRecord, 'id'>) => prepareRecord({ id, ...fields });

test('one household: the same postcode or the same landline; a shared mobile is a person’s own', () => {
  assert.ok(sameHousehold(at('a', { postcode: 'B33 8TH' }), at('b', { postcode: 'b338th' })));
  assert.ok(sameHousehold(at('a', { phone: '0121 496 0000' }), at('b', { phone: '01214960000', postcode: 'M1 1AE' })));
  assert.ok(!sameHousehold(at('a', { phone: '07700 900123' }), at('b', { phone: '07700900123' })));
  assert.ok(!sameHousehold(at('a', { postcode: 'B33 8TH' }), at('b', { postcode: 'B33 8TJ' })));
});

test('EM’s view of a household (from comparison levels) is the scorer’s', () => {
  const records = [
    at('a', { postcode: 'B33 8TH', phone: '0121 496 0000' }),
    at('b', { postcode: 'B33 8TH' }),
    at('c', { postcode: 'M1 1AE', phone: '0121 496 0000' }),
    at('d', { phone: '07700 900123', postcode: 'B33 8TJ' }),
    at('e', {}),
  ];
  const isHousehold = householdPattern(COMPARISONS.map((comparison) => comparison.key));
  for (const a of records)
    for (const b of records) {
      if (a === b) continue;
      const levels = COMPARISONS.map((comparison) => comparison.compare(a, b));
      assert.equal(isHousehold(levels), sameHousehold(a, b), `${a.id}-${b.id}`);
    }
});

test('the band of a household pair is how many records share its address', () => {
  const records = [
    ...Array.from({ length: 12 }, (_, i) => at(`crowded-${i}`, { postcode: 'M1 1AE' })),
    at('quiet-1', { postcode: 'B33 8TH' }),
    at('quiet-2', { postcode: 'B33 8TH' }),
  ];
  const tables = buildTermFrequencies(COMPARISONS, records);
  assert.equal(describeBand(addressBand(records[12], records[13], tables)), '2 records at the address');
  assert.equal(describeBand(addressBand(records[0], records[1], tables)), 'more than 10 records at the address');
});
