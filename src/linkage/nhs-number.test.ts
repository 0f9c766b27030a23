import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDigitFor, isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';

test('accepts NHS numbers whose modulus 11 check digit is right', () => {
  // 943 476 5919 is the NHS Data Dictionary's worked example.
  assert.equal(isValidNhsNumber('9434765919'), true);
  assert.equal(isValidNhsNumber('943 476 5919'), true);
  assert.equal(isValidNhsNumber('943-476-5919'), true);
  assert.equal(isValidNhsNumber('4010232137'), true);
});

test('refuses a wrong check digit, a transposition, the wrong length and letters', () => {
  assert.equal(isValidNhsNumber('9434765918'), false);
  assert.equal(isValidNhsNumber('9434765991'), false);
  assert.equal(isValidNhsNumber('4934765919'), false);
  assert.equal(isValidNhsNumber('943476591'), false);
  assert.equal(isValidNhsNumber('94347659190'), false);
  assert.equal(isValidNhsNumber('94347659X9'), false);
  assert.equal(isValidNhsNumber(''), false);
});

test('a remainder giving check digit 10 can never be valid; 11 becomes 0', () => {
  // 100000006: 1×10 + 6×2 = 22, remainder 0, so 11 - 0 = 11 becomes check digit 0.
  // 100000001: 1×10 + 1×2 = 12, remainder 1, so 11 - 1 = 10: no check digit works.
  // 000000060: 6×3 = 18, remainder 7, check digit 4.
  assert.deepEqual(['100000006', '100000001', '000000060'].map(checkDigitFor), [0, null, 4]);
  assert.equal(isValidNhsNumber('1000000060'), true);
  for (let last = 0; last <= 9; last++) assert.equal(isValidNhsNumber(`100000001${last}`), false);
  assert.equal(isValidNhsNumber('0000000604'), true);
});

test('normalises to ten digits, or null when missing or invalid', () => {
  assert.equal(normaliseNhsNumber('943 476 5919'), '9434765919');
  assert.equal(normaliseNhsNumber('943 476 5918'), null);
  assert.equal(normaliseNhsNumber(undefined), null);
});
