import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ADVERSARIAL_SHAPES } from './support/adversarial.js';

// The property tests draw a shape and a byte budget at random, from one byte up: every budget must build a text.
const LIMIT = 65_536;
// A whole unit that does not fit is left out; the widest unit is one of the "many URLs" runs.
const WIDEST_UNIT = Buffer.byteLength('http://a.example/x. ');

describe('adversarial texts', () => {
  for (const [name, build] of Object.entries(ADVERSARIAL_SHAPES)) {
    it(`${name}: builds a text for every budget, filling it at the size limit`, () => {
      for (let bytes = 1; bytes <= 64; bytes += 1) assert.equal(typeof build(bytes), 'string', `${bytes} bytes`);
      const size = Buffer.byteLength(build(LIMIT));
      assert.ok(size <= LIMIT && size > LIMIT - WIDEST_UNIT, `${size} bytes for a budget of ${LIMIT}`);
    });
  }
});
