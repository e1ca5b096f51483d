import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/comment-form/define.js';
import type { CommentForm } from '../../src/components/comment-form/comment-form.js';
import type { CommentPostedEvent } from '../../src/events/comment-posted-event.js';
import type { CommentErrorEvent } from '../../src/events/comment-error-event.js';
import type { CommentSubmitEvent } from '../../src/events/comment-submit-event.js';
import { COMMENT_BLOCKED_CODE, HONEYPOT_FIELD, NOTIFICATIONS_HEADER, NOTIFY_FIELD, NOTIFY_LANGUAGE_FIELD, SERVER_HEADER } from 'newsroom-comment-protocol';
import { knownOurServer } from '../../src/comments/comment-api.js';
import { expectAccessible, xssTrapped } from './helpers.js';
import {
  commentServer,
  commentsWithStatus,
  freshAuthor,
  freshPostId,
  mailTo,
  notifyingCommentServer,
  seedComment,
  type CommentServer,
} from './comment-fixtures.js';

const realFetch = window.fetch;

async function form(server: CommentServer, post = freshPostId(), lang = 'en', attributes = ''): Promise<CommentForm> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><comment-form endpoint=${server.endpoint} post-id=${post}></comment-form></div>`);
  const element = wrapper.querySelector('comment-form')!;
  if (attributes === 'optional') element.setAttribute('require-name-email', 'false');
  await element.updateComplete;
  return element;
}

const $ = <T extends HTMLElement = HTMLElement>(element: CommentForm, selector: string) => element.shadowRoot!.querySelector<T>(selector)!;
const field = (element: CommentForm, id: string) => $<HTMLInputElement>(element, `#${id}`);

/** Types into a field as a reader would (value, then an input event). */
async function fill(element: CommentForm, values: Partial<Record<'content' | 'author_name' | 'author_email' | 'author_url', string>>) {
  for (const [id, value] of Object.entries(values)) {
    const input = field(element, id);
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  }
  await element.updateComplete;
}

const errorOf = (element: CommentForm, id: string) => {
  const input = field(element, id);
  const describedBy = input.getAttribute('aria-describedby');
  return {
    invalid: input.getAttribute('aria-invalid'),
    message: describedBy ? element.shadowRoot!.getElementById(describedBy)?.textContent?.trim() : undefined,
  };
};

const alertText = (element: CommentForm) => $(element, '[role="alert"]').textContent!.replace(/\s+/g, ' ').trim();
const statusText = (element: CommentForm) => $(element, '[role="status"]').textContent!.replace(/\s+/g, ' ').trim();

async function posted(element: CommentForm): Promise<CommentPostedEvent> {
  return (await oneEvent(element, 'comment-posted')) as unknown as CommentPostedEvent;
}

async function failed(element: CommentForm): Promise<CommentErrorEvent> {
  return (await oneEvent(element, 'comment-error')) as unknown as CommentErrorEvent;
}

describe('comment-form', () => {
  afterEach(() => {
    window.fetch = realFetch;
    localStorage.clear();
  });

  it("renders WordPress's form on native fields that browsers can autofill, accessible", async () => {
    const element = await form(await commentServer());
    const heading = $(element, '[role="heading"]');
    expect(heading.textContent!.trim()).to.equal('Leave a Reply');
    expect(heading.getAttribute('aria-level')).to.equal('2');
    const note = $(element, 'form > p');
    expect(note.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'Your email address will not be published. Required fields are marked *',
    );
    expect(note.querySelector('span')!.getAttribute('aria-hidden')).to.equal('true');
    const expected = [
      ['content', 'comment', 'off', true],
      ['author_name', 'author', 'name', true],
      ['author_email', 'email', 'email', true],
      ['author_url', 'url', 'url', false],
    ] as const;
    for (const [id, name, autocomplete, required] of expected) {
      const input = field(element, id);
      expect(input.name, id).to.equal(name);
      expect(input.required, id).to.equal(required);
      if (id !== 'content') expect(input.getAttribute('autocomplete'), id).to.equal(autocomplete);
    }
    expect($(element, 'label[for="remember"]').textContent!.trim()).to.equal(
      'Save my name, email, and website in this browser for the next time I comment.',
    );
    expect($(element, 'button[type="submit"]').textContent!.trim()).to.equal('Post Comment');
    await expectAccessible(element);
  });

  it('hides the honeypot from keyboards and assistive technology', async () => {
    const element = await form(await commentServer());
    const trap = $<HTMLInputElement>(element, `[name="${HONEYPOT_FIELD}"]`);
    expect(trap.tabIndex).to.equal(-1);
    expect(trap.closest('[aria-hidden="true"]')).to.exist;
    expect(trap.closest('[aria-hidden="true"]')!.getBoundingClientRect().width).to.be.at.most(1);
  });

  it('takes the heading level and names the commenter replied to, with Cancel reply', async () => {
    const element = await form(await commentServer());
    element.headingLevel = 3;
    await element.replyTo(42, 'Olena');
    expect($(element, '[role="heading"]').textContent!.trim()).to.equal('Leave a Reply to Olena');
    expect($(element, '[role="heading"]').getAttribute('aria-level')).to.equal('3');
    expect(element.shadowRoot!.activeElement).to.equal(field(element, 'content'));
    await expectAccessible(element);
    const cancel = [...element.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent!.trim() === 'Cancel reply')!;
    cancel.click();
    await element.updateComplete;
    expect(element.parent).to.equal(0);
    expect($(element, '[role="heading"]').textContent!.trim()).to.equal('Leave a Reply');
  });

  it('shows every validation message on its field and focuses the first invalid one, sending nothing', async () => {
    const element = await form(await commentServer());
    let sent = 0;
    element.addEventListener('comment-submit', () => (sent += 1));
    $<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await element.updateComplete;
    expect(errorOf(element, 'content')).to.deep.equal({ invalid: 'true', message: 'Please type your comment text.' });
    expect(errorOf(element, 'author_name')).to.deep.equal({ invalid: 'true', message: 'Please enter your name.' });
    expect(errorOf(element, 'author_email')).to.deep.equal({ invalid: 'true', message: 'Please enter your email address.' });
    expect(errorOf(element, 'author_url')).to.deep.equal({ invalid: null, message: undefined });
    expect(element.shadowRoot!.activeElement).to.equal(field(element, 'content'));
    await expectAccessible(element);

    // Limits are in UTF-8 bytes: 123 × "é" is 246 bytes, one more than a name may have.
    await fill(element, {
      content: 'x'.repeat(65_526),
      author_name: 'é'.repeat(123),
      author_email: 'reader;bcc@example.org',
      author_url: 'javascript:alert(1)',
    });
    $<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await element.updateComplete;
    expect(errorOf(element, 'content').message).to.equal('Your comment is too long.');
    expect(errorOf(element, 'author_name').message).to.equal('Your name is too long.');
    expect(errorOf(element, 'author_email').message).to.equal('Please enter a valid email address.');
    expect(errorOf(element, 'author_url').message).to.equal('Please enter a web address that starts with http:// or https://.');

    await fill(element, { content: 'ok', author_name: 'Ann', author_email: `${'a'.repeat(95)}@example.org`, author_url: `https://e.org/${'p'.repeat(200)}` });
    $<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await element.updateComplete;
    expect(errorOf(element, 'author_email').message).to.equal('Your email address is too long.');
    expect(errorOf(element, 'author_url').message).to.equal('Your URL is too long.');
    expect(element.shadowRoot!.activeElement).to.equal(field(element, 'author_email'));
    expect(sent).to.equal(0);
  });

  it('localises the form and its messages', async () => {
    const fr = await form(await commentServer(), freshPostId(), 'fr');
    $<HTMLButtonElement>(fr, 'button[type="submit"]').click();
    await fr.updateComplete;
    expect($(fr, '[role="heading"]').textContent!.trim()).to.equal('Laisser un commentaire');
    expect(errorOf(fr, 'content').message).to.equal('Veuillez saisir votre commentaire.');
    const uk = await form(await commentServer(), freshPostId(), 'uk');
    $<HTMLButtonElement>(uk, 'button[type="submit"]').click();
    await uk.updateComplete;
    expect(errorOf(uk, 'author_email').message).to.equal('Будь ласка, вкажіть email-адресу.');
  });

  it('posts to the real server, says the comment awaits moderation, and clears the draft', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const element = await form(server, post);
    await fill(element, { content: 'A first comment on the ceasefire talks.', ...freshAuthor(), author_url: 'https://example.org/me' });
    expect(Object.keys(localStorage).some((key) => localStorage.getItem(key)!.includes('ceasefire'))).to.equal(true);
    const done = posted(element);
    $<HTMLButtonElement>(element, 'button[type="submit"]').click();
    await element.updateComplete;
    expect($<HTMLButtonElement>(element, 'button[type="submit"]').disabled).to.equal(true);
    expect($(element, 'form').getAttribute('aria-busy')).to.equal('true');
    expect($(element, 'button[type="submit"]').textContent!.trim()).to.equal('Posting…');
    const event = await done;
    expect(event.comment!.status).to.equal('hold');
    expect(event.comment!.post).to.equal(post);
    await element.updateComplete;
    expect(statusText(element)).to.equal('Your comment is awaiting moderation.');
    expect(field(element, 'content').value).to.equal('');
    expect(Object.keys(localStorage).some((key) => localStorage.getItem(key)!.includes('ceasefire'))).to.equal(false);
    expect((await commentsWithStatus(server, post, 'hold')).map((comment) => comment.id)).to.deep.equal([event.comment!.id]);
    await expectAccessible(element);
  });

  it('restores the draft after a reload, per post and parent', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const first = await form(server, post);
    await fill(first, { content: 'Half-written thought' });
    first.remove();
    const reloaded = await form(server, post);
    expect(field(reloaded, 'content').value).to.equal('Half-written thought');
    await reloaded.replyTo(7, 'Taras');
    expect(field(reloaded, 'content').value).to.equal('');
    await fill(reloaded, { content: 'A reply draft' });
    reloaded.parent = 0;
    await reloaded.updateComplete;
    expect(field(reloaded, 'content').value).to.equal('Half-written thought');
    const otherPost = await form(server, post + 1);
    expect(field(otherPost, 'content').value).to.equal('');
  });

  it('keeps name, email and website only while "Save my name…" is ticked', async () => {
    const server = await commentServer();
    const element = await form(server);
    await fill(element, { author_name: 'Iryna', author_email: 'iryna@example.org', author_url: 'https://example.org' });
    const again = async () => field(await form(server), 'author_name').value;
    expect(await again()).to.equal('');
    const remember = field(element, 'remember');
    remember.click();
    expect(await again()).to.equal('Iryna');
    remember.click();
    expect(await again()).to.equal('');
  });

  it('shows the duplicate answer on the form and keeps the text', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const author = freshAuthor();
    const first = await form(server, post);
    await fill(first, { content: 'Said once.', ...author });
    const done = posted(first);
    first.submit();
    await done;
    const second = await form(server, post);
    await fill(second, { content: 'Said once.', ...author });
    const error = failed(second);
    second.submit();
    expect((await error).status).to.equal(409);
    await second.updateComplete;
    expect(alertText(second)).to.contain('Duplicate comment detected');
    expect(field(second, 'content').value).to.equal('Said once.');
    await expectAccessible(second);
  });

  it("shows the server's messages as written, even one that is also the name of a term", async () => {
    const server = await commentServer();
    const post = freshPostId();
    const author = freshAuthor();
    await seedComment(server, { post, content: 'Said before.', ...author }, false);
    // The real server's duplicate answer, its messages swapped for words that name the form's own terms.
    window.fetch = async (input, init) => {
      const real = await realFetch(input, init);
      if (init?.method !== 'POST' || real.ok) return real;
      const body = { ...(await real.json()), message: 'posted', data: { status: real.status, params: { author_email: 'held' } } };
      return new Response(JSON.stringify(body), { status: real.status, headers: real.headers });
    };
    const element = await form(server, post);
    await fill(element, { content: 'Said before.', ...author });
    const error = failed(element);
    element.submit();
    expect((await error).status).to.equal(409);
    await element.updateComplete;
    expect($(element, '.alert p').textContent).to.equal('posted');
    expect(errorOf(element, 'author_email')).to.deep.equal({ invalid: 'true', message: 'held' });
  });

  it("words a refusal by the site's block lists in the reader's language and keeps the text", async () => {
    const server = await commentServer();
    // The server's answers (moderation-api.test.ts checks them) to a refused email address and a refused network, with
    // its header, as the form learns from each answer whether the endpoint is this server.
    const refusals = [
      { code: COMMENT_BLOCKED_CODE, message: 'Sorry, comments from this email address are not accepted on this site.', data: { status: 403, params: { author_email: 'Sorry, comments from this email address are not accepted on this site.' } } },
      { code: COMMENT_BLOCKED_CODE, message: 'Sorry, comments from your network are not accepted on this site.', data: { status: 403 } },
    ];
    const expected = {
      fr: ['Les commentaires de cette adresse e-mail ne sont pas acceptés sur ce site. Votre commentaire est conservé ici.', 'Les commentaires de votre réseau ne sont pas acceptés sur ce site. Votre commentaire est conservé ici.'],
      uk: ['Коментарі з цієї email-адреси не приймаються на цьому сайті. Ваш коментар збережено тут.', 'Коментарі з вашої мережі не приймаються на цьому сайті. Ваш коментар збережено тут.'],
    };
    for (const [lang, [emailText, networkText]] of Object.entries(expected)) {
      for (const [index, refusal] of refusals.entries()) {
        window.fetch = async (input, init) =>
          init?.method === 'POST' ? new Response(JSON.stringify(refusal), { status: 403, headers: { 'Content-Type': 'application/json', [SERVER_HEADER]: 'newsroom-elements' } }) : realFetch(input, init);
        const element = await form(server, freshPostId(), lang);
        await fill(element, { content: `Kept in ${lang}, ${index}.`, ...freshAuthor() });
        const error = failed(element);
        element.submit();
        expect((await error).code).to.equal(COMMENT_BLOCKED_CODE);
        await element.updateComplete;
        if (index === 0) {
          expect(alertText(element)).to.contain(emailText);
          expect(errorOf(element, 'author_email')).to.deep.equal({ invalid: 'true', message: emailText });
        } else {
          expect(alertText(element)).to.contain(networkText);
        }
        expect(field(element, 'content').value).to.equal(`Kept in ${lang}, ${index}.`);
        await expectAccessible(element);
      }
    }
  });

  it('shows the flood answer on the form and keeps the text', async () => {
    const server = await commentServer(`flood-${navigator.userAgent}`);
    const element = await form(server);
    const author = freshAuthor();
    await fill(element, { content: 'First within the window.', ...author });
    const done = posted(element);
    element.submit();
    await done;
    await fill(element, { content: 'Second, too soon.' });
    const error = failed(element);
    element.submit();
    const event = await error;
    expect(event.code).to.equal('comment_flood');
    await element.updateComplete;
    expect(alertText(element)).to.contain('You are posting comments too quickly. Slow down.');
    expect(field(element, 'content').value).to.equal('Second, too soon.');
    expect(element.shadowRoot!.activeElement).to.equal($(element, '.retry'));
  });

  it('keeps the text when the response is lost, and the retry creates exactly one comment', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const keys: Array<string | null> = [];
    let loseNext = true;
    window.fetch = async (input, init) => {
      const response = await realFetch(input, init);
      if (init?.method === 'POST') {
        keys.push(new Headers(init.headers).get('Idempotency-Key'));
        if (loseNext) {
          loseNext = false;
          throw new TypeError('Failed to fetch');
        }
      }
      return response;
    };
    const element = await form(server, post);
    await fill(element, { content: 'Sent while the network dropped.', ...freshAuthor() });
    const error = failed(element);
    element.submit();
    expect((await error).code).to.equal('network');
    await element.updateComplete;
    expect(alertText(element)).to.contain('The comment server could not be reached. Your comment is kept here');
    expect(field(element, 'content').value).to.equal('Sent while the network dropped.');

    const done = posted(element);
    $<HTMLButtonElement>(element, '.retry').click();
    const event = await done;
    expect(keys).to.have.length(2);
    expect(keys[0]).to.be.a('string').and.equal(keys[1]);
    const held = await commentsWithStatus(server, post, 'hold');
    expect(held.map((comment) => comment.id)).to.deep.equal([event.comment!.id]);
  });

  it('gives up after `timeout`, keeping the text, and posts on retry', async () => {
    const server = await commentServer();
    const post = freshPostId();
    let stall = true;
    // The first POST never gets an answer: only the form's own timeout ends it.
    window.fetch = (input, init) =>
      init?.method === 'POST' && stall
        ? new Promise((_resolve, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)))
        : realFetch(input, init);
    const element = await form(server, post);
    element.timeout = 2000;
    await fill(element, { content: 'Patience.', ...freshAuthor() });
    const error = failed(element);
    element.submit();
    await element.updateComplete;
    // The sending state, held open by the stalled request.
    expect($(element, 'form').getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(element);
    expect((await error).code).to.equal('timeout');
    await element.updateComplete;
    expect(alertText(element)).to.contain('The comment server took too long to answer.');
    expect(field(element, 'content').value).to.equal('Patience.');
    stall = false;
    const done = posted(element);
    $<HTMLButtonElement>(element, '.retry').click();
    await done;
    expect(await commentsWithStatus(server, post, 'hold')).to.have.length(1);
  });

  it('sends only standard headers to a stock WordPress, and counts its "duplicate" after a lost response as posted', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const sentHeaders: string[][] = [];
    let loseNext = true;
    // The real server, seen as a stock WordPress: its identifying header is removed from every response.
    window.fetch = async (input, init) => {
      const real = await realFetch(input, init);
      if (init?.method === 'POST') {
        sentHeaders.push([...new Headers(init.headers).keys()]);
        if (loseNext) {
          loseNext = false;
          throw new TypeError('Failed to fetch');
        }
      }
      const headers = new Headers(real.headers);
      headers.delete(SERVER_HEADER);
      return new Response(real.body, { status: real.status, statusText: real.statusText, headers });
    };
    // Which endpoints are ours is remembered per endpoint URL, and earlier tests met this one undisguised.
    const element = await form({ ...server, endpoint: `${server.endpoint}/` }, post);
    await fill(element, { content: 'Posted to WordPress.', ...freshAuthor() });
    const error = failed(element);
    element.submit();
    await error;
    const done = posted(element);
    element.submit();
    const event = await done;
    expect(event.comment).to.equal(undefined);
    expect(sentHeaders).to.deep.equal([['content-type'], ['content-type']]);
    await element.updateComplete;
    expect(field(element, 'content').value).to.equal('');
    expect(await commentsWithStatus(server, post, 'hold')).to.have.length(1);
  });

  it('mode="wp-form" posts the classic fields, reads a held comment from the redirect and an error from the failure page', async () => {
    // A stand-in for wp-comments-post.php (test/support/comment-server-plugin.mjs): no WordPress runs here.
    const post = freshPostId();
    const wrapper = await fixture<HTMLElement>(html`<div><comment-form mode="wp-form" action="/__classic/wp-comments-post.php" post-id=${post}></comment-form></div>`);
    const element = wrapper.querySelector('comment-form')!;
    await element.updateComplete;
    await fill(element, { content: 'Classic path.', author_name: 'Nadia', author_email: 'nadia@example.org', author_url: 'https://example.org' });
    field(element, 'remember').click();
    const done = posted(element);
    element.submit();
    expect((await done).comment).to.equal(undefined);
    await element.updateComplete;
    expect(statusText(element)).to.equal('Your comment is awaiting moderation.');
    expect(await (await fetch(`/__classic/last?post=${post}`)).json()).to.deep.equal({
      comment: 'Classic path.',
      author: 'Nadia',
      email: 'nadia@example.org',
      url: 'https://example.org',
      comment_post_ID: String(post),
      comment_parent: '0',
      'wp-comment-cookies-consent': 'yes',
    });

    await fill(element, { content: 'duplicate' });
    const error = failed(element);
    element.submit();
    expect((await error).status).to.equal(409);
    await element.updateComplete;
    expect(alertText(element)).to.contain('Error: Duplicate comment detected');
    expect(field(element, 'content').value).to.equal('duplicate');
    expect(xssTrapped()).to.equal(false);
  });

  it('sends once for a double click and for Ctrl+Enter while sending', async () => {
    const server = await commentServer();
    const post = freshPostId();
    let posts = 0;
    window.fetch = (input, init) => {
      if (init?.method === 'POST') posts += 1;
      return realFetch(input, init);
    };
    const element = await form(server, post);
    await fill(element, { content: 'Only once, please.', ...freshAuthor() });
    const done = posted(element);
    const submit = $<HTMLButtonElement>(element, 'button[type="submit"]');
    submit.click();
    submit.click();
    field(element, 'content').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await done;
    expect(posts).to.equal(1);
    expect(await commentsWithStatus(server, post, 'hold')).to.have.length(1);
  });

  it('lets the page send the comment itself by cancelling comment-submit', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const element = await form(server, post);
    const author = freshAuthor();
    await fill(element, { content: 'Handled by the page.', ...author });
    const submitted = oneEvent(element, 'comment-submit');
    element.addEventListener('comment-submit', (event) => event.preventDefault());
    await element.submit();
    const event = (await submitted) as unknown as CommentSubmitEvent;
    expect(event.payload).to.deep.equal({ post, parent: 0, ...author, author_url: '', content: 'Handled by the page.' });
    expect(await commentsWithStatus(server, post, 'hold')).to.have.length(0);
    expect(field(element, 'content').value).to.equal('Handled by the page.');
  });

  it('can be filled and posted with the keyboard alone', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const element = await form(server, post);
    field(element, 'content').focus();
    await sendKeys({ type: 'Typed with keys.' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Keyboard Reader' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: `keys-${Math.random().toString(36).slice(2)}@example.org` });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(field(element, 'remember'));
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal($(element, 'button[type="submit"]'));
    const done = posted(element);
    await sendKeys({ press: 'Enter' });
    expect((await done).comment!.content.rendered).to.contain('Typed with keys.');
  });

  it('keeps what was typed into the page’s own form before the element ran, which it replaces', async () => {
    const server = await commentServer();
    const wrapper = await fixture<HTMLElement>(html`<div>
      <form action="/wp-comments-post.php" method="post">
        <textarea name="comment">Typed before upgrade</textarea><input name="author" value="Early Reader" />
      </form>
    </div>`);
    const element = document.createElement('comment-form');
    element.setAttribute('endpoint', server.endpoint);
    element.setAttribute('post-id', String(freshPostId()));
    element.append(wrapper.querySelector('form')!);
    wrapper.append(element);
    await element.updateComplete;
    expect(field(element, 'content').value).to.equal('Typed before upgrade');
    expect(field(element, 'author_name').value).to.equal('Early Reader');
    expect(element.querySelector('form')!.getBoundingClientRect().height).to.equal(0);
  });

  describe('"Notify me of replies by email"', () => {
    const notifyBox = (element: CommentForm) => element.shadowRoot!.querySelector<HTMLInputElement>('#notify');
    const offered = async (element: CommentForm) => {
      await waitUntil(() => notifyBox(element) !== null, 'the form offers notifications');
      return notifyBox(element)!;
    };

    it('is offered, unticked and labelled, only when the server says it sends notifications', async () => {
      const element = await form(await notifyingCommentServer());
      const box = await offered(element);
      expect(box.checked).to.equal(false);
      expect(box.labels![0].textContent!.trim()).to.equal('Notify me of replies by email');
      expect(element.shadowRoot!.getElementById(box.getAttribute('aria-describedby')!)!.textContent).to.contain('one email with a link to confirm');
      await expectAccessible(element);

      // Our server without SMTP_URL: asked, and nothing offered.
      const plain = await commentServer();
      const without = await form(plain);
      await waitUntil(() => knownOurServer(plain.endpoint) !== undefined, 'the server was asked');
      await without.updateComplete;
      expect(notifyBox(without)).to.equal(null);
    });

    it('is never offered by a stock WordPress, even one that sent the header', async () => {
      const server = await notifyingCommentServer();
      // The notifying server seen as a stock WordPress: it keeps the notifications header but not ours.
      window.fetch = async (input, init) => {
        const real = await realFetch(input, init);
        const headers = new Headers(real.headers);
        headers.delete(SERVER_HEADER);
        expect(headers.get(NOTIFICATIONS_HEADER)).to.equal('email');
        return new Response(real.body, { status: real.status, statusText: real.statusText, headers });
      };
      const endpoint = `${server.endpoint}//`;
      const element = await form({ ...server, endpoint });
      await waitUntil(() => knownOurServer(endpoint) === false, 'the server was asked');
      await element.updateComplete;
      expect(notifyBox(element)).to.equal(null);
    });

    it('sends one confirmation email when ticked, says so, and unticks again', async () => {
      const server = await notifyingCommentServer();
      const post = freshPostId();
      const element = await form(server, post, 'fr');
      const box = await offered(element);
      expect(box.labels![0].textContent!.trim()).to.equal('M’avertir des réponses par e-mail');
      const author = freshAuthor();
      await fill(element, { content: 'Tell me when someone answers.', ...author });
      box.click();
      await element.updateComplete;
      expect(box.checked).to.equal(true);
      await expectAccessible(element);
      const done = posted(element);
      $<HTMLButtonElement>(element, 'button[type="submit"]').click();
      await done;
      await element.updateComplete;
      expect(statusText(element)).to.contain('cherchez dans votre boîte de réception');
      expect(notifyBox(element)!.checked).to.equal(false);
      // The form's language goes with the request: the email is in French.
      const subjects = await mailTo(author.author_email, 1);
      expect(subjects).to.deep.equal(['Confirmez votre adresse pour recevoir les réponses']);
      await expectAccessible(element);
    });

    /** The JSON bodies the form POSTs from now on. */
    const postedBodies = () => {
      const bodies: Record<string, unknown>[] = [];
      window.fetch = async (input, init) => {
        if (init?.method === 'POST') bodies.push(JSON.parse(String(init.body)) as Record<string, unknown>);
        return realFetch(input, init);
      };
      return bodies;
    };
    const send = async (element: CommentForm) => {
      const done = posted(element);
      element.submit();
      await done;
      await element.updateComplete;
    };

    it("sends its page's language with notify_replies when ticked, and neither when not", async () => {
      const server = await notifyingCommentServer();
      const bodies = postedBodies();
      const element = await form(server, freshPostId(), 'fr');
      await offered(element);
      await fill(element, { content: 'Sans avis de réponse.', ...freshAuthor() });
      await send(element);
      const author = freshAuthor();
      await fill(element, { content: 'Avec avis de réponse.', ...author });
      notifyBox(element)!.click();
      await send(element);
      expect(bodies.map((body) => [NOTIFY_FIELD in body, NOTIFY_LANGUAGE_FIELD in body])).to.deep.equal([
        [false, false],
        [true, true],
      ]);
      expect(bodies[1][NOTIFY_FIELD]).to.equal(true);
      expect(bodies[1][NOTIFY_LANGUAGE_FIELD]).to.equal('fr');
      expect(await mailTo(author.author_email, 1)).to.deep.equal(['Confirmez votre adresse pour recevoir les réponses']);
    });

    it('leaves out a malformed page language rather than have the comment refused (the email is then English)', async () => {
      const server = await notifyingCommentServer();
      const bodies = postedBodies();
      const element = await form(server, freshPostId(), 'fr_FR');
      const box = await offered(element);
      const author = freshAuthor();
      await fill(element, { content: 'Page au lang mal formé.', ...author });
      box.click();
      await send(element);
      expect(bodies).to.have.length(1);
      expect([bodies[0][NOTIFY_FIELD], NOTIFY_LANGUAGE_FIELD in bodies[0]]).to.deep.equal([true, false]);
      expect(await mailTo(author.author_email, 1)).to.deep.equal(['Confirm your address for reply notifications']);
    });

    it('keeps the text and the ticked box on an error, and the retry asks once', async () => {
      const server = await notifyingCommentServer();
      const bodies: string[] = [];
      let loseNext = true;
      window.fetch = async (input, init) => {
        if (init?.method === 'POST') {
          bodies.push(String(init.body));
          if (loseNext) {
            loseNext = false;
            throw new TypeError('Failed to fetch');
          }
        }
        return realFetch(input, init);
      };
      const element = await form(server);
      const box = await offered(element);
      const author = freshAuthor();
      await fill(element, { content: 'Kept through an error.', ...author });
      box.click();
      const error = failed(element);
      element.submit();
      await error;
      await element.updateComplete;
      expect(field(element, 'content').value).to.equal('Kept through an error.');
      expect(notifyBox(element)!.checked).to.equal(true);
      await expectAccessible(element);
      const done = posted(element);
      $<HTMLButtonElement>(element, '.retry').click();
      await done;
      expect(bodies.map((body) => JSON.parse(body)[NOTIFY_FIELD])).to.deep.equal([true, true]);
      expect(await mailTo(author.author_email, 1)).to.have.length(1);
    });

    it('asks for an email address when notifications are wanted on a form without required fields', async () => {
      const element = await form(await notifyingCommentServer(), freshPostId(), 'en', 'optional');
      const box = await offered(element);
      await fill(element, { content: 'Anonymous, but I want replies.' });
      box.click();
      element.submit();
      await element.updateComplete;
      expect(errorOf(element, 'author_email')).to.deep.equal({ invalid: 'true', message: 'Please enter your email address to be notified of replies.' });
      expect(field(element, 'content').value).to.equal('Anonymous, but I want replies.');
      await expectAccessible(element);
    });
  });
});
