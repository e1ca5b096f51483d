/* global document, sessionStorage */
// The moderation page. The token lives in sessionStorage and travels only in the Authorization header: no cookie
// (so no cross-site request can act as the moderator) and never in a URL. All comment text is set as textContent.
const API = '/wp-json/wp/v2/comments';
const TOKEN_KEY = 'comment-admin-token';
const $ = (id) => document.getElementById(id);

const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';

async function api(path, init = {}) {
  const response = await fetch(path, {
    ...init,
    headers: { Authorization: `Bearer ${token()}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (response.status === 401) {
    signOut('That token was not accepted.');
    throw new Error('unauthorised');
  }
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
  return response.json();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderComment(comment) {
  const item = element('li');
  item.append(
    element('p', 'meta', `#${comment.id} on post ${comment.post} · ${comment.date_gmt} UTC`),
    element('p', 'author', `${comment.author_name} <${comment.author_email}>${comment.author_url ? ` · ${comment.author_url}` : ''}`),
    element('p', 'text', comment.content.raw ?? ''),
  );
  const actions = element('div', 'actions');
  for (const [label, change] of [
    ['Approve', { method: 'POST', body: JSON.stringify({ status: 'approved' }) }],
    ['Mark as spam', { method: 'POST', body: JSON.stringify({ status: 'spam' }) }],
    ['Trash', { method: 'DELETE' }],
  ]) {
    const button = element('button', '', label);
    button.type = 'button';
    button.setAttribute('aria-label', `${label}: comment ${comment.id} by ${comment.author_name}`);
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await api(`${API}/${comment.id}`, change);
        $('status').textContent = `Comment ${comment.id}: ${label.toLowerCase()} done.`;
        await load();
      } catch (error) {
        $('status').textContent = error.message;
        button.disabled = false;
      }
    });
    actions.append(button);
  }
  item.append(actions);
  return item;
}

async function load() {
  const comments = await api(`${API}?status=hold&context=edit&order=desc&per_page=100`);
  $('comments').replaceChildren(...comments.map(renderComment));
  if (comments.length === 0) $('status').textContent = 'No comment is waiting for moderation.';
}

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  $('queue').hidden = true;
  $('sign-in').hidden = false;
  $('sign-in-error').textContent = message;
  $('token').focus();
}

async function show() {
  $('sign-in').hidden = true;
  $('queue').hidden = false;
  await load();
  $('queue-heading').tabIndex = -1;
  $('queue-heading').focus();
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  show().catch(() => undefined);
});
$('refresh').addEventListener('click', () => load().catch((error) => ($('status').textContent = error.message)));
$('sign-out').addEventListener('click', () => signOut());
if (token()) show().catch(() => undefined);
