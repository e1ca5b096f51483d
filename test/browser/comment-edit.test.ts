import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/components/comment-list/define.js';
import '../../src/components/comment-form/define.js';
import type { CommentList } from '../../src/components/comment-list/comment-list.js';
import type { CommentForm } from '../../src/components/comment-form/comment-form.js';
import type { CommentPostedEvent } from '../../src/events/comment-posted-event.js';
import type { WpComment } from 'newsroom-comment-protocol';
import { expectAccessible } from './helpers.js';
import { commentServer, freshAuthor, freshPostId, seedComment, type CommentServer } from './comment-fixtures.js';

const EDIT_PREFIX = 'newsroom-elements.comment-edit:';

/** A list and a form for one post, as on an article page; the author has an approved comment, so is approved at once. */
async function page(server: CommentServer, lang = 'en') {
  const post = freshPostId();
  const author = freshAuthor();
  await seedComment(server, { post, content: 'An earlier word', ...author });
  const wrapper = await fixture<HTMLElement>(html`<div lang=${lang}>
    <comment-list endpoint=${server.endpoint} post-id=${post} live="false"></comment-list>
    <comment-form endpoint=${server.endpoint} post-id=${post}></comment-form>
  </div>`);
  const list = wrapper.querySelector('comment-list')!;
  const form = wrapper.querySelector('comment-form')!;
  await list.updateComplete;
  await list.loadComplete;
  return { post, author, list, form, wrapper };
}

async function post(form: CommentForm, values: Record<string, string>): Promise<WpComment> {
  await form.updateComplete;
  for (const [field, value] of Object.entries(values)) {
    const input = form.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${field}`)!;
    input.value = value;
    input.dispatchEvent(new InputEvent('input'));
  }
  const posted = oneEvent(form, 'comment-posted');
  void form.submit();
  return ((await posted) as unknown as CommentPostedEvent).comment!;
}

const itemOf = (list: CommentList, id: number) => list.shadowRoot!.getElementById(`comment-${id}`);
const buttons = (list: CommentList, id: number) =>
  [...itemOf(list, id)!.querySelectorAll<HTMLButtonElement>(':scope > article button[part="edit"]')].map((button) => button.textContent!.trim());
const button = (list: CommentList, id: number, name: string) =>
  [...itemOf(list, id)!.querySelectorAll<HTMLButtonElement>(':scope > article button[part="edit"]')].find((each) => each.textContent!.trim() === name)!;
const liveText = (list: CommentList) => list.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent!.trim();

describe('editing one’s own comment', () => {
  afterEach(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith(EDIT_PREFIX)) localStorage.removeItem(key);
  });

  it('keeps the edit token in localStorage only, and offers Edit and Delete on that comment alone', async () => {
    const server = await commentServer();
    const { list, form, author } = await page(server);
    const mine = await post(form, { content: 'My first take.', ...author });
    expect(mine.status).to.equal('approved');
    expect(Object.keys(mine)).not.to.include('edit_token');
    const key = Object.keys(localStorage).find((each) => each.startsWith(EDIT_PREFIX) && each.endsWith(`|${mine.id}`))!;
    const { token, until } = JSON.parse(localStorage.getItem(key)!) as { token: string; until: number };
    expect(token).to.be.a('string').with.length.greaterThan(15);
    expect(until).to.be.greaterThan(Date.now());
    expect(location.href).not.to.contain(token);
    expect(document.cookie).not.to.contain(token);

    await list.updateComplete;
    expect(buttons(list, mine.id)).to.deep.equal(['Edit', 'Delete']);
    const other = list.shadowRoot!.querySelector('li[id^="comment-"]')!;
    expect(other.querySelectorAll('button[part="edit"]')).to.have.length(0);
    await expectAccessible(list);
  });

  it('edits the text in place, then shows it with "(edited …)" and its time', async () => {
    const server = await commentServer();
    const { list, form, author } = await page(server);
    const mine = await post(form, { content: 'Teh typo.', ...author });
    await list.updateComplete;
    button(list, mine.id, 'Edit').click();
    await list.updateComplete;
    const box = list.shadowRoot!.querySelector<HTMLTextAreaElement>('#edit-text')!;
    expect(list.shadowRoot!.activeElement).to.equal(box);
    expect(box.value).to.equal('Teh typo.');
    expect(list.shadowRoot!.querySelector(`label[for="edit-text"]`)!.textContent!.trim()).to.equal('Edit your comment');
    await expectAccessible(list);

    box.value = 'The typo, fixed.';
    button(list, mine.id, 'Save').click();
    await waitUntil(() => itemOf(list, mine.id)!.querySelector('.content')?.textContent!.trim() === 'The typo, fixed.', 'the edit shows');
    const edited = itemOf(list, mine.id)!.querySelector('[part="edited"]')!;
    expect(edited.textContent!.replace(/\s+/g, ' ').trim()).to.match(/^\(edited .+\)$/);
    expect(edited.querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);
    expect(liveText(list)).to.equal('Your comment has been updated.');
    expect(list.shadowRoot!.activeElement!.closest('li')!.id).to.equal(`comment-${mine.id}`);
    const stored = (await (await fetch(`${server.endpoint}/comments/${mine.id}`, { cache: 'no-store' })).json()) as WpComment;
    expect(stored.content.rendered).to.contain('The typo, fixed.');
    await expectAccessible(list);
  });

  it('deletes after an inline confirmation, and says so', async () => {
    const server = await commentServer();
    const { list, form, author } = await page(server);
    const counts: number[] = [];
    list.addEventListener('comment-count', (event) => counts.push(event.delta));
    const mine = await post(form, { content: 'Regretted.', ...author });
    await list.updateComplete;
    button(list, mine.id, 'Delete').click();
    await list.updateComplete;
    const question = list.shadowRoot!.querySelector<HTMLElement>('#edit-confirm')!;
    expect(question.textContent!.trim()).to.equal('Delete your comment? This cannot be undone.');
    expect(list.shadowRoot!.activeElement).to.equal(question);
    await expectAccessible(list);
    button(list, mine.id, 'Delete').click();
    await waitUntil(() => itemOf(list, mine.id) === null, 'the comment went');
    expect(liveText(list)).to.equal('Your comment has been deleted.');
    expect(counts).to.deep.equal([1, -1]);
    expect((await fetch(`${server.endpoint}/comments/${mine.id}`, { cache: 'no-store' })).status).to.equal(404);
    expect(Object.keys(localStorage).some((each) => each.startsWith(EDIT_PREFIX) && each.endsWith(`|${mine.id}`))).to.equal(false);
  });

  it('says why the server refuses an edit, in the page language, and keeps the text typed', async () => {
    const server = await commentServer();
    const { list, form, author, post: postId } = await page(server, 'fr');
    const mine = await post(form, { content: 'Premier avis.', ...author });
    await seedComment(server, { post: postId, parent: mine.id, content: 'Une réponse', ...freshAuthor() });
    await list.updateComplete;
    button(list, mine.id, 'Modifier').click();
    await list.updateComplete;
    const box = list.shadowRoot!.querySelector<HTMLTextAreaElement>('#edit-text')!;
    box.value = 'Avis changé.';
    button(list, mine.id, 'Enregistrer').click();
    await waitUntil(() => list.shadowRoot!.querySelector('[role="alert"].edit-error') !== null, 'the refusal shows');
    expect(list.shadowRoot!.querySelector('.edit-error')!.textContent!.trim()).to.equal(
      'Ce commentaire a reçu une réponse et ne peut donc plus être modifié.',
    );
    expect(list.shadowRoot!.querySelector<HTMLTextAreaElement>('#edit-text')!.value).to.equal('Avis changé.');
    expect(buttons(list, mine.id)).to.deep.equal(['Annuler']);
    await expectAccessible(list);
  });

  it('says a wrong token cannot edit, and offers nothing once the window is over', async () => {
    const server = await commentServer();
    const { form, author, wrapper } = await page(server);
    const mine = await post(form, { content: 'Mine.', ...author });
    const key = Object.keys(localStorage).find((each) => each.startsWith(EDIT_PREFIX) && each.endsWith(`|${mine.id}`))!;
    const grant = JSON.parse(localStorage.getItem(key)!) as { token: string; until: number };
    // Another list on the page (a later visit) reads the grant from storage: here a wrong one.
    localStorage.setItem(key, JSON.stringify({ ...grant, token: 'not-the-token' }));
    wrapper.querySelector('comment-list')!.remove();
    const other = document.createElement('comment-list');
    other.endpoint = server.endpoint;
    other.postId = mine.post;
    other.live = false;
    wrapper.prepend(other);
    await other.updateComplete;
    await other.loadComplete;
    await other.updateComplete;
    button(other, mine.id, 'Delete').click();
    await other.updateComplete;
    button(other, mine.id, 'Delete').click();
    await waitUntil(() => other.shadowRoot!.querySelector('.edit-error') !== null, 'the refusal shows');
    expect(other.shadowRoot!.querySelector('.edit-error')!.textContent!.trim()).to.equal('This comment can no longer be changed from this browser.');
    expect(itemOf(other, mine.id)).not.to.equal(null);

    // A window already over: no buttons at all.
    localStorage.setItem(key, JSON.stringify({ ...grant, until: Date.now() - 1000 }));
    const late = await fixture<CommentList>(html`<comment-list endpoint=${server.endpoint} post-id=${mine.post} live="false"></comment-list>`);
    await late.updateComplete;
    await late.loadComplete;
    await late.updateComplete;
    expect(itemOf(late, mine.id)).not.to.equal(null);
    expect(buttons(late, mine.id)).to.deep.equal([]);
    expect(localStorage.getItem(key)).to.equal(null);
  });
});
