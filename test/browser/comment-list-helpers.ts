// What the comment-list test files share: mounting a list on the test server and reading its rendered items.
import { fixture, html } from '@open-wc/testing';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/components/comment-list/define.js';
import type { CommentList } from '../../src/components/comment-list/comment-list.js';
import type { CommentServer } from './comment-fixtures.js';

/** The list's attributes a test sets; those left out keep the element's defaults. */
export interface ListAttributes {
  perPage?: number;
  maxDepth?: number;
  avatars?: string;
  lang?: string;
  dir?: string;
  width?: string;
}

/** A comment-list for `post` on the test server, in a wrapper that carries the language, direction and width; loaded. */
export async function mountList(server: CommentServer, post: number, attributes: ListAttributes = {}): Promise<CommentList> {
  const wrapper = await fixture<HTMLElement>(html`<div lang=${attributes.lang ?? 'en'} dir=${ifDefined(attributes.dir)}
    style=${ifDefined(attributes.width && `inline-size: ${attributes.width}`)}>
    <comment-list endpoint=${server.endpoint} post-id=${post} per-page=${ifDefined(attributes.perPage)} max-depth=${ifDefined(attributes.maxDepth)}
      avatars=${ifDefined(attributes.avatars)}></comment-list>
  </div>`);
  const element = wrapper.querySelector('comment-list')!;
  await loaded(element);
  return element;
}

/** Waits until the list has settled: its pending update rendered, no request in flight, and the answer rendered. */
export async function loaded(element: CommentList): Promise<void> {
  await element.updateComplete;
  await element.loadComplete;
  await element.updateComplete;
}

export const items = (element: CommentList) => [...element.shadowRoot!.querySelectorAll<HTMLLIElement>('li[id^="comment-"]')];
export const author = (item: Element) => item.querySelector('.author')!.textContent!.trim();
/** How deep an item is nested: 1 for a top-level comment. */
export const depthOf = (item: Element) => {
  let depth = 0;
  for (let node: Element | null = item; node; node = node.parentElement?.closest('li') ?? null) depth += 1;
  return depth;
};
