import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    --_avatar-size: var(--comment-list-avatar-size, 2.5rem);
    /* The shared border token: only the comment list draws such borders. */
    --_border: var(--ne-color-border, light-dark(#d4cfc7, #4d4740));
  }

  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .comments {
    display: flex;
    flex-direction: column;
    gap: var(--comment-list-gap, 1.5rem);
  }

  .replies {
    display: flex;
    flex-direction: column;
    gap: var(--comment-list-gap, 1.5rem);
    margin-block-start: var(--comment-list-gap, 1.5rem);
    padding-inline-start: var(--comment-list-indent, 1.5rem);
    border-inline-start: 2px solid var(--_border);
  }

  article {
    display: grid;
    grid-template-columns: var(--_avatar-size) 1fr;
    column-gap: 0.75rem;
    scroll-margin-block-start: 2rem;
  }

  article > :not(.avatar) {
    grid-column: 2;
  }

  .avatar {
    grid-row: span 3;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    background: var(--_surface);
    border: 1px solid var(--_border);
    font-weight: 700;
    object-fit: cover;
  }

  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  .author {
    font-weight: 700;
  }

  time {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .content {
    overflow-wrap: anywhere;
  }

  .content blockquote {
    margin-inline: 1rem 0;
    padding-inline-start: 0.75rem;
    border-inline-start: 3px solid var(--_border);
  }

  .moderation {
    margin: 0.25rem 0 0;
    font-style: italic;
    color: var(--_muted);
  }

  /* Reply and retry are links' lookalikes, without an outline; "Load more" keeps it. */
  button {
    justify-self: start;
    padding-block: 0.25rem;
    padding-inline: 0.75rem;
    border-color: transparent;
  }

  .more {
    margin-block-start: var(--comment-list-gap, 1.5rem);
    border-color: currentColor;
  }

  .state {
    min-block-size: 2.75rem;
    margin: 0;
  }

  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin-block-end: var(--comment-list-gap, 1.5rem);
  }

  select,
  textarea {
    box-sizing: border-box;
    max-inline-size: 100%;
    min-block-size: 2.75rem;
    padding-inline: 0.5rem;
    font: inherit;
    color: inherit;
    background: Field;
    border: 1px solid var(--_muted);
    border-radius: var(--_radius);
  }

  .in-reply-to {
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }

  .new {
    border-color: currentColor;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .edit {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin-block: 0.5rem;
  }

  .edit textarea {
    inline-size: 100%;
    padding: 0.5rem;
    resize: vertical;
  }

  .edit p {
    margin: 0;
  }

  .edit-error {
    color: var(--_accent);
    font-weight: 600;
  }

  .edited {
    color: var(--_muted);
    font-size: 0.875em;
  }
`;
