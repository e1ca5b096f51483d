import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/comment-toggle/define.js';
import type { CommentToggle } from '../../src/components/comment-toggle/comment-toggle.js';
import type { NewsroomToggleEvent } from '../../src/events/toggle-event.js';
import { expectAccessible } from './helpers.js';
import { commentServer, freshAuthor, freshPostId, seedComment } from './comment-fixtures.js';

const buttonOf = (element: CommentToggle) => element.shadowRoot!.querySelector('button')!;
const label = (element: CommentToggle) => buttonOf(element).textContent!.replace(/\s+/g, ' ').trim();

/** The toggle's label once the fetched count has arrived (the toggle reflects it to the `count` attribute). */
async function countShown(element: CommentToggle): Promise<string> {
  if (!element.hasAttribute('count')) {
    await new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        observer.disconnect();
        resolve();
      });
      observer.observe(element, { attributeFilter: ['count'] });
    });
  }
  await element.updateComplete;
  return label(element);
}

describe('comment-toggle', () => {
  it('says "Click to comment" with no comments, fetched from the real server', async () => {
    const server = await commentServer();
    const element = await fixture<CommentToggle>(html`<comment-toggle endpoint=${server.endpoint} post-id=${freshPostId()}></comment-toggle>`);
    expect(await countShown(element)).to.equal('Click to comment');
    expect(buttonOf(element).getAttribute('aria-expanded')).to.equal('false');
    await expectAccessible(element);
  });

  it('shows a localised plural count read from X-WP-Total', async () => {
    const server = await commentServer();
    const post = freshPostId();
    for (let index = 0; index < 3; index += 1) await seedComment(server, { post, content: `Note ${index}`, ...freshAuthor() });
    for (const [lang, expected] of [
      ['en', '3 comments'],
      ['fr', '3 commentaires'],
      ['uk', '3 коментарі'],
    ]) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><comment-toggle endpoint=${server.endpoint} post-id=${post}></comment-toggle></div>`);
      expect(await countShown(wrapper.querySelector('comment-toggle')!), lang).to.equal(expected);
    }
  });

  it('uses plural rules for each language when the page gives the count', async () => {
    const cases: Array<[string, number, string]> = [
      ['en', 1, '1 comment'],
      ['en', 1000, '1,000 comments'],
      ['fr', 1, '1 commentaire'],
      ['fr', 2, '2 commentaires'],
      ['uk', 1, '1 коментар'],
      ['uk', 21, '21 коментар'],
      ['uk', 5, '5 коментарів'],
      ['en', 0, 'Click to comment'],
    ];
    for (const [lang, count, expected] of cases) {
      const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}><comment-toggle count=${count}></comment-toggle></div>`);
      const element = wrapper.querySelector('comment-toggle')!;
      await element.updateComplete;
      expect(label(element), `${lang} ${count}`).to.equal(expected);
    }
  });

  it('opens and closes with the keyboard, reflecting aria-expanded and firing toggle', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div><comment-toggle count="2" controls="panel"></comment-toggle><div id="panel">Comments</div></div>`);
    const element = wrapper.querySelector('comment-toggle')!;
    await element.updateComplete;
    const button = buttonOf(element);
    expect(button.ariaControlsElements?.[0]).to.equal(wrapper.querySelector('#panel'));
    button.focus();
    const toggled = oneEvent(element, 'toggle');
    button.click();
    expect(((await toggled) as unknown as NewsroomToggleEvent).newState).to.equal('open');
    await element.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(element.open).to.equal(true);
    await expectAccessible(wrapper);
  });

  it('fetches nothing until it scrolls into view', async () => {
    const server = await commentServer();
    const post = freshPostId();
    const requestsForPost = () =>
      performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(server.url) && entry.name.includes(`post=${post}`));
    const wrapper = await fixture<HTMLElement>(
      html`<div><div style="block-size: 300vh"></div><comment-toggle endpoint=${server.endpoint} post-id=${post}></comment-toggle></div>`,
    );
    const element = wrapper.querySelector('comment-toggle')!;
    await element.updateComplete;
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    expect(requestsForPost()).to.have.length(0);
    expect(label(element)).to.equal('Comments');
    element.scrollIntoView();
    expect(await countShown(element)).to.equal('Click to comment');
    expect(requestsForPost()).to.have.length(1);
  });

  it('fetches its count once seen, even when moved in the page before then', async () => {
    const server = await commentServer();
    const wrapper = await fixture<HTMLElement>(
      html`<div><div hidden><comment-toggle endpoint=${server.endpoint} post-id=${freshPostId()}></comment-toggle></div></div>`,
    );
    const element = wrapper.querySelector('comment-toggle')!;
    await element.updateComplete;
    // Moved (as a framework reordering a list would) while it has not been seen: it must fetch once it is.
    wrapper.append(element);
    expect(await countShown(element)).to.equal('Click to comment');
  });

  it('adjusts a count the page gave by changes on the page, never below zero', async () => {
    const element = await fixture<CommentToggle>(html`<comment-toggle count="1"></comment-toggle>`);
    element.adjustCount(1);
    await element.updateComplete;
    expect(label(element)).to.equal('2 comments');
    element.adjustCount(-1);
    element.adjustCount(-1);
    element.adjustCount(-1);
    await element.updateComplete;
    expect(label(element)).to.equal('Click to comment');
  });

  it('asks again for a count answered after a change on the page began, instead of adding to it', async () => {
    const server = await commentServer();
    const post = freshPostId();
    await seedComment(server, { post, content: 'Counted', ...freshAuthor() });
    // The reader's comment, sent before the count was answered: the count already holds it.
    await seedComment(server, { post, content: 'Posted meanwhile', ...freshAuthor() });
    const sentBeforeTheCount = performance.now();
    const element = await fixture<CommentToggle>(html`<comment-toggle endpoint=${server.endpoint} post-id=${post}></comment-toggle>`);
    expect(await countShown(element)).to.equal('2 comments');
    // Reported after the count arrived, it is not added on top: the count is asked again.
    element.adjustCount(1, sentBeforeTheCount);
    await element.countComplete;
    await element.updateComplete;
    expect(label(element)).to.equal('2 comments');
  });
});

