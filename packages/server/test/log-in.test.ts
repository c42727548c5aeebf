// 登录 as a service, from several source addresses: the lock-out is per account and source, the
// account as a whole only slows down, and a browser that logged in before is spared the slow-down.
import { describe, expect, it } from 'vitest';
import type { AppError } from '../src/errors.ts';
import { logIn, MAX_FAILED_LOGINS, SLOW_DOWN_AFTER } from '../src/services/accounts/log-in.ts';
import { registeredClient, testDatabases, usePlatform } from './harness.ts';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'OK', (err: AppError) => err.code);

describe.each(testDatabases)('log-in lock-out on the $name database', ({ open }) => {
  const p = usePlatform(open);

  it('locks one source address, not the owner elsewhere; slows the account down past 20 failures; spares a known browser', async () => {
    const { form } = await registeredClient(p);
    const { username, password } = form.account;
    const attempt = (source: string, pass: string, deviceToken?: string) => codeOf(logIn(p.ctx, null, { username, password: pass, source, deviceToken }));

    // the owner's own browser logs in once: it becomes a known device
    const owner = await logIn(p.ctx, null, { username, password, source: '10.0.0.1' });
    expect(owner.deviceToken).toBeTruthy();

    // an attacker at one address locks only that address
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await attempt('203.0.113.9', 'Wrong12345');
    expect(await attempt('203.0.113.9', password)).toBe('ACCOUNT_LOCKED');
    expect(await attempt('10.0.0.2', password)).toBe('OK');

    // guesses from many addresses: past SLOW_DOWN_AFTER failures an unknown browser gets one check per few seconds
    for (let i = 0; i < SLOW_DOWN_AFTER; i++) await attempt(`198.51.100.${i}`, 'Wrong12345');
    p.clock.advance(6_000); // the last guesses took the current slot
    const first = await attempt('10.0.0.3', password);
    const second = await attempt('10.0.0.4', password);
    expect([first, second]).toEqual(['OK', 'LOGIN_SLOWED']);
    // …while the owner's known browser gets straight in
    expect(await attempt('10.0.0.1', password, owner.deviceToken)).toBe('OK');
    p.clock.advance(6_000);
    expect(await attempt('10.0.0.4', password)).toBe('OK');
  });
});
