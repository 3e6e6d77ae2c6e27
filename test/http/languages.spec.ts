import { createTestApp, TestApp } from '../support/test-app';
import { encodeForm, renderedForm } from '../support/forms';
import { User } from '../../src/accounts/user.entity';

/** The interface's language: the switch, the account's choice, the browser, the default. */
describe('languages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LANGUAGE: 'nl' } });
  });
  afterAll(() => t.close());

  const htmlLang = (html: string) => /<html lang="([a-z]+)">/.exec(html)?.[1];

  it('speaks the configured default to a browser that asks for neither language', async () => {
    const page = await (
      await t.agent(null)
    )
      .get('/sign-in')
      .set('Accept-Language', 'fr')
      .expect(200);
    expect(htmlLang(page.text)).toBe('nl');
    expect(page.text).toContain('<h1>Inloggen</h1>');
    expect(page.text).toContain('Wachtwoord');
  });

  it("follows the browser's Accept-Language, by its preferences", async () => {
    const agent = await t.agent(null);
    const english = await agent
      .get('/sign-in')
      .set('Accept-Language', 'de;q=1, en-GB;q=0.9, nl;q=0.5');
    expect(htmlLang(english.text)).toBe('en');
    expect(english.text).toContain('<h1>Sign in</h1>');
    const dutch = await agent.get('/sign-in').set('Accept-Language', 'en;q=0.4, nl-BE');
    expect(htmlLang(dutch.text)).toBe('nl');
  });

  it('switches on the sign-in page with the form it shows, and keeps the choice in this browser', async () => {
    const agent = await t.freshAgent(null);
    const page = await agent.get('/sign-in?next=%2Fledger').set('Accept-Language', 'nl');
    expect(page.text).toMatch(/<button [^>]*lang="en"[^>]*>English<\/button>/);
    const fields = renderedForm(page.text, '/language');
    expect(fields).toMatchObject({ language: 'en', next: '/sign-in?next=%2Fledger' });
    const switched = await agent
      .post('/language')
      .set('Accept-Language', 'nl')
      .type('form')
      .send(encodeForm(fields))
      .expect(303);
    expect(switched.headers.location).toBe('/sign-in?next=%2Fledger');
    const after = await agent.get('/sign-in?next=%2Fledger').set('Accept-Language', 'nl');
    expect(htmlLang(after.text)).toBe('en');
    expect(after.text).toContain('<h1>Sign in</h1>');
    // The choice goes with the sign-in: the page after it is in English too.
    const signIn = renderedForm(after.text, '/sign-in');
    const signedIn = await agent
      .post('/sign-in')
      .type('form')
      .send(encodeForm({ ...signIn, email: 'viewer@test.example', password: 'test-password-123' }))
      .expect(303);
    const ledger = await agent.get(signedIn.headers.location).set('Accept-Language', 'nl');
    expect(htmlLang(ledger.text)).toBe('en');
  });

  it("keeps a signed-in person's choice on their account, before their browser's", async () => {
    const agent = await t.freshAgent('board');
    const account = await agent.get('/account').set('Accept-Language', 'en').expect(200);
    expect(account.text).toContain('Your account');
    const form = renderedForm(account.text, '/account/language');
    expect(form).toMatchObject({ language: '', next: '/account' });
    await agent
      .post('/account/language')
      .type('form')
      .send(encodeForm({ ...form, language: 'nl' }))
      .expect(303)
      .expect('Location', '/account');
    const mine = await agent.get('/account').set('Accept-Language', 'en').expect(200);
    expect(mine.text).toContain('De interface is nu in het Nederlands.');
    const stored = await t.dataSource.getRepository(User).findOneByOrFail({ id: t.users.board.id });
    expect(stored.language).toBe('nl');
    // Another browser of the same person, asking for English, still gets Dutch.
    const other = await t.freshAgent('board');
    const page = await other.get('/account').set('Accept-Language', 'en').expect(200);
    expect(htmlLang(page.text)).toBe('nl');
    expect(page.text).toContain('<h1>Uw account</h1>');
    expect(page.text).toMatch(/<option value="nl" selected>Nederlands<\/option>/);
    // Back to the browser's language.
    await other
      .post('/account/language')
      .type('form')
      .send(encodeForm({ ...renderedForm(page.text, '/account/language'), language: '' }))
      .expect(303);
    const back = await other.get('/account').set('Accept-Language', 'en').expect(200);
    expect(htmlLang(back.text)).toBe('en');
    expect(
      (await t.dataSource.getRepository(User).findOneByOrFail({ id: t.users.board.id })).language,
    ).toBeNull();
  });

  it('refuses a language it does not speak, saying which it does', async () => {
    const agent = await t.freshAgent('viewer');
    const page = await agent.get('/account').set('Accept-Language', 'en');
    const res = await agent
      .post('/account/language')
      .set('Accept-Language', 'en')
      .type('form')
      .send(encodeForm({ ...renderedForm(page.text, '/account/language'), language: 'fr' }))
      .expect(422);
    expect(res.text).toContain('Choose Nederlands or English.');
  });

  it('answers the API in neutral codes, with its error messages in the asked language', async () => {
    const agent = await t.agent(null);
    const dutch = await agent.get('/api/v1/pilots').set('Accept-Language', 'nl').expect(401);
    expect(dutch.body).toMatchObject({
      status: 401,
      title: 'Log eerst in',
      detail: 'Log eerst in.',
    });
    const english = await agent.get('/api/v1/pilots').set('Accept-Language', 'en').expect(401);
    expect(english.body).toMatchObject({
      title: 'Please sign in',
      detail: 'Please sign in first.',
    });
  });

  it('tags a page per language: the other language is not a 304 of the first', async () => {
    const agent = await t.agent('viewer');
    const dutch = await agent.get('/pilots').set('Accept-Language', 'nl').expect(200);
    const english = await agent
      .get('/pilots')
      .set('Accept-Language', 'en')
      .set('If-None-Match', String(dutch.headers.etag))
      .expect(200);
    expect(english.headers.etag).not.toBe(dutch.headers.etag);
    expect(htmlLang(english.text)).toBe('en');
  });

  it('answers errors met before the request begins in the asked language too', async () => {
    const agent = await t.agent(null);
    const nul = await agent.get('/pilots?q=%00').set('Accept-Language', 'nl').expect(400);
    expect(htmlLang(nul.text)).toBe('nl');
    expect(nul.text).toContain('Het verzoek bevat een NUL-teken');
    const big = await agent
      .post('/sign-in')
      .set('Accept-Language', 'en')
      .type('form')
      .send(`email=${'x'.repeat(300_000)}`)
      .expect(413);
    expect(htmlLang(big.text)).toBe('en');
    expect(big.text).toContain('What you sent is larger than this form accepts.');
  });
});
