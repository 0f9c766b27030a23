import { test } from 'node:test';
import assert from 'node:assert/strict';
import { familiesInMemory } from './families-in-memory.ts';

test('families in memory: the default, a number, and a refusal naming the setting', () => {
  assert.equal(familiesInMemory({}), 20_000);
  assert.equal(familiesInMemory({ THREADLINE_FAMILIES_IN_MEMORY: '5000' }), 5_000);
  for (const bad of ['0', '-3', 'many', '1.5'])
    assert.throws(() => familiesInMemory({ THREADLINE_FAMILIES_IN_MEMORY: bad }), /THREADLINE_FAMILIES_IN_MEMORY must be a whole number/);
});
