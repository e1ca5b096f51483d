// The demo starts through the comment server's startServer, so PORT and HOST get the server's checks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startDemo } from '../../../demo/server/app.js';

const dataDir = mkdtempSync(join(tmpdir(), 'demo-start-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the demo with one environment variable set; resolves with the error, or closes a demo that started. */
async function startWith(name: 'PORT' | 'HOST', value: string): Promise<unknown> {
  const saved = process.env[name];
  process.env[name] = value;
  try {
    const demo = await startDemo({ dataDir, adminToken: 'demo-start-test-token-0123456789' });
    await demo.app.close();
    return 'started';
  } catch (error) {
    return error;
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

test("a PORT that is not a decimal integer is refused with the server's message (Number() would read 0x1f90 as 8080)", async () => {
  const outcome = await startWith('PORT', '0x1f90');
  assert.ok(outcome instanceof Error, `expected an error, got ${String(outcome)}`);
  assert.equal(outcome.message, 'PORT must be an integer from 0 to 65535, got "0x1f90"');
});

test('a HOST that is no address or host name is refused before anything listens', async () => {
  const outcome = await startWith('HOST', 'local host');
  assert.ok(outcome instanceof Error, `expected an error, got ${String(outcome)}`);
  assert.equal(outcome.message, 'HOST must be an IP address or host name, got "local host"');
});
