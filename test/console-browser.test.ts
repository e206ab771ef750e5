// The console in a real browser (Debian's chromium via playwright-core): sign-in, keys, revoke, CSP, cookies, CSRF.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { verifyBundle } from '../src/audit/bundle-verify.js';
import { ADMIN_TOKEN, startHarness, type Harness } from './harness.js';

const CHROMIUM = process.env['WARDEN_CHROMIUM'] ?? '/usr/bin/chromium';
const SHOTS = '/tmp/console-shots';
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser) console.warn(`console browser test SKIPPED: no ${CHROMIUM} (apt-get install -y chromium)`);

let h: Harness;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;
/** Every request the page tried to send anywhere but the gateway on loopback. */
const offHost: string[] = [];
const consoleErrors: string[] = [];

// In CI the browser is installed by .ci/run: its absence there is a failure, not a skip.
if (!haveBrowser && process.env['CI']) throw new Error(`console browser test needs ${CHROMIUM} in CI (apt-get install -y chromium)`);

describe.skipIf(!haveBrowser)('console in chromium', () => {
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-console.mjs'], { stdio: 'inherit' });
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking'] });
    ctx = await browser.newContext({ viewport: { width: 1280, height: 860 }, acceptDownloads: true });
    await ctx.route('**/*', (route) => {
      const u = new URL(route.request().url());
      if (u.hostname === '127.0.0.1') return route.continue();
      offHost.push(u.href);
      return route.abort();
    });
    page = await ctx.newPage();
    page.on('console', (m) => void (m.type() === 'error' && consoleErrors.push(m.text())));
    page.on('dialog', (d) => void d.accept());
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('serves the page with a strict CSP and refuses a wrong token', async () => {
    const res = await page.goto(`${h.url}/console`);
    const csp = res!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res!.headers()['x-content-type-options']).toBe('nosniff');
    await page.fill('#token', 'not-the-admin-token-000000');
    await page.click('button[type=submit]');
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('not valid');
    expect(await ctx.cookies()).toHaveLength(0);
    await page.screenshot({ path: `${SHOTS}/signin-refused.png` });
  });

  it('signs in to the keys page with an HttpOnly, SameSite=Strict cookie and nothing in storage or the URL', async () => {
    await page.fill('#token', ADMIN_TOKEN);
    await page.click('button[type=submit]');
    await page.getByRole('heading', { name: 'Keys' }).waitFor();
    const cookies = await ctx.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ name: 'warden_console', httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(cookies[0]!.value).not.toContain(ADMIN_TOKEN);
    expect(page.url()).not.toContain(ADMIN_TOKEN);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- runs in the page (DOM types are not in this tsconfig)
    expect(await page.evaluate(() => { const w = globalThis as any; return [w.localStorage.length, w.sessionStorage.length, w.document.cookie]; })).toEqual([0, 0, '']);
  });

  let keyId = '';
  let secret = '';
  it('creates a key, reveals it once, and the data plane accepts it', async () => {
    await page.fill('input[name=tenantName]', 'browser-tenant');
    await page.getByRole('button', { name: 'Add tenant' }).click();
    await expect.poll(() => page.locator('select[name=tenant] option').count()).toBe(1);
    await page.fill('input[name=name]', 'browser key');
    await page.getByRole('button', { name: 'Create key' }).click();
    const reveal = page.locator('#reveal-key');
    await reveal.waitFor();
    secret = await reveal.inputValue();
    expect(secret).toMatch(/^wdn_l_/);
    await page.screenshot({ path: `${SHOTS}/keys-reveal.png` });
    const row = page.locator('tr[data-key]').filter({ hasText: 'browser key' });
    keyId = (await row.getAttribute('data-key'))!;
    const chat = await h.openai(secret).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(chat.choices.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Done' }).click();
    expect(await page.content()).not.toContain(secret);
    // A reload resumes the session, and the secret is gone for good.
    await page.reload();
    await page.getByRole('heading', { name: 'Keys' }).waitFor();
    await page.locator(`tr[data-key="${keyId}"]`).waitFor();
    expect(await page.content()).not.toContain(secret);
  });

  it('revokes the key from the page and the data plane refuses it', async () => {
    const row = page.locator(`tr[data-key="${keyId}"]`);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.locator('.badge').textContent()).toBe('revoked');
    await page.fill('input[name=q]', 'browser');
    await page.screenshot({ path: `${SHOTS}/keys-revoked.png` });
    const err = await h.openai(secret).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] }).catch((e: { status?: number }) => e);
    expect((err as { status?: number }).status).toBe(401);
  });

  it('refuses a state-changing call from the page without the CSRF token', async () => {
    const status = await page.evaluate(async () => {
      const r = await fetch('/console/api/v1/tenants', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'csrf' }) });
      return r.status;
    });
    expect(status).toBe(401);
  });

  it('shows the overview, incidents and audit pages; audit search finds the revocation and the log verifies', async () => {
    await page.goto(`${h.url}/console#/overview`);
    await page.getByRole('heading', { name: 'Requests and denials, last 24 hours' }).waitFor();
    await page.locator('.chart canvas').waitFor();
    await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });
    await page.goto(`${h.url}/console#/incidents`);
    await page.getByRole('heading', { name: 'Incidents' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/incidents.png` });
    await page.goto(`${h.url}/console#/audit`);
    await page.fill('input[name=keyId]', keyId);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.locator('table.audit').getByText('key.revoke').waitFor();
    await page.getByRole('button', { name: 'Verify the log' }).click();
    await expect.poll(() => page.locator('[data-verify]').textContent()).toBe('Verified');
    await page.screenshot({ path: `${SHOTS}/audit.png`, fullPage: true });
  });

  it('shows an incident from a used canary key, exports a bundle that verifies offline, and revokes the key', async () => {
    const t = await h.createTenant('canary-co');
    const canary = await h.createKey({ tenantId: t.id, name: 'canary', endpoints: ['chat'], canary: true });
    const err = await h.openai(canary.key, { headers: { 'x-forwarded-for': '81.2.69.142' } }).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }).catch((e: { status?: number }) => e);
    expect((err as { status?: number }).status).toBe(401);
    await page.goto(`${h.url}/console#/overview`);
    await page.locator('ul.incidents li').filter({ hasText: canary.id }).waitFor();
    await page.goto(`${h.url}/console#/incidents`);
    const card = page.locator('section.incident').filter({ hasText: canary.id });
    await card.getByText('canary-used').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Export evidence bundle' }).click()]);
    const report = verifyBundle(readFileSync((await download.path())!, 'utf8'));
    expect(report).toMatchObject({ ok: true, problems: [] });
    expect(report.events).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/incidents.png`, fullPage: true });
    await card.getByRole('link', { name: 'Events since first seen' }).click();
    await page.locator('table.audit').getByText('401').first().waitFor();
    expect(await page.inputValue('input[name=keyId]')).toBe(canary.id);
    await page.goto(`${h.url}/console#/incidents`);
    await card.getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(async () => (await h.admin('GET', `/keys/${canary.id}`)).body.status).toBe('revoked');
  });

  it('a browser without the session cookie gets nothing', async () => {
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    await p.goto(`${h.url}/console`);
    await p.locator('#token').waitFor();
    expect(await p.evaluate(async () => (await fetch('/console/api/v1/keys')).status)).toBe(401);
    expect(await p.evaluate(async () => (await fetch('/console/session')).status)).toBe(401);
    expect(await p.content()).not.toContain(keyId);
    await fresh.close();
  });

  it('signs out, after which the old session is refused', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.locator('#token').waitFor();
    expect(await page.evaluate(async () => (await fetch('/console/session')).status)).toBe(401);
  });

  it('sent nothing beyond 127.0.0.1 and logged no script errors', () => {
    expect(offHost).toEqual([]);
    expect(consoleErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  });
});
