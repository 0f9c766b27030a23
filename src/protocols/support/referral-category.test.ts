import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describesPhysicalAbuse } from './referral-category.ts';

test('the widened words are read as suspected physical abuse', () => {
  for (const reason of [
    'baby shaken by father, per neighbour',
    'Suspected abusive head trauma',
    'CT shows subdural haematoma',
    'subdural bleed on CT',
    'scald to the left foot',
    'Scalded in the bath',
    'torn frenulum noted at the GP',
    'Mother says father slapped the baby',
    'bruising to the cheek of an 8-week-old',
    'finger marks on the upper arm',
    'marks on the back',
    'fractured femur',
    'possible NAI',
  ])
    assert.equal(describesPhysicalAbuse(reason), true, reason);
});

test('names and findings of nothing are not physical abuse', () => {
  for (const reason of [
    'Referral re: Mark Smith',
    'Referral from Mark (school nurse)',
    'no marks seen',
    'No marks or concerns about handling',
    'no visible bruising; concern about home conditions',
    'Home conditions poor, no injuries',
    'Shakespeare Road address, neglect concerns',
    'Natalie (mother) not coping',
    'Remarkable weight loss',
    'poor hygiene and missed appointments',
  ])
    assert.equal(describesPhysicalAbuse(reason), false, reason);
});

test('a negated word does not hide a concern stated alongside it', () => {
  assert.equal(describesPhysicalAbuse('no marks seen today but bruise to ear reported by nursery'), true);
});
