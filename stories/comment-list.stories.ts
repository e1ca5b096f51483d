import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEMO_ENDPOINT, POSTS } from './comment-demo.js';
import '../src/components/comment-list/define.js';

interface CommentListArgs {
  'post-id': number;
  'per-page'?: number;
  'max-depth'?: number;
  avatars?: 'initials' | 'remote';
}

const meta: Meta<CommentListArgs> = {
  title: 'Elements/comment-list',
  component: 'comment-list',
  args: { 'post-id': POSTS.thread },
  render: (args) => html`<comment-list endpoint=${DEMO_ENDPOINT} post-id=${args['post-id']} per-page=${args['per-page'] ?? 20}
    max-depth=${args['max-depth'] ?? 5} avatars=${args.avatars ?? 'initials'}></comment-list>`,
};

export default meta;
type Story = StoryObj<CommentListArgs>;

/** Threads as nested lists, oldest first; a reply is indented under its comment. */
export const Threads: Story = {};

/** Two per page, with "Load more comments". */
export const Paged: Story = { args: { 'per-page': 2 } };

/** No comments yet. */
export const Empty: Story = { args: { 'post-id': POSTS.empty } };

/** The request is still running. */
export const Loading: Story = { args: { 'post-id': POSTS.loading } };

/** The server failed: an alert with "Try again". */
export const Failed: Story = { args: { 'post-id': POSTS.failing } };

/** A hostile commenter: the name `<script>alert(1)</script>` and a `javascript:` link arrive as plain text, without a link. */
export const BadInput: Story = { args: { 'post-id': POSTS.hostile }, tags: ['!autodocs'] };
