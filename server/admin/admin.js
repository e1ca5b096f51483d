/* global document, sessionStorage, URLSearchParams */
// The moderation desk. The token lives in sessionStorage and travels only in the Authorization header: no cookie (so
// no cross-site request can act as the moderator) and never in a URL. Every text from a comment, a list or the audit
// log is set as textContent, never as markup. The desk's words are English: it is an operator tool.
const API = '/wp-json/newsroom/v1/moderation';
const TOKEN_KEY = 'comment-admin-token';
const PER_PAGE = 20;
// How long the page offers to undo an action (the server accepts an undo for longer, so a late click still works).
const UNDO_SHOWN_MS = 15_000;
const QUEUE_NAMES = { hold: 'Held', approved: 'Approved', spam: 'Spam', trash: 'Trash' };
const DONE = { approve: 'approved', hold: 'held', spam: 'marked as spam', trash: 'trashed', delete: 'deleted forever' };
const LISTS = [
  { kind: 'hold', title: 'Words that hold', name: 'words that hold', field: 'Word or phrase' },
  { kind: 'spam', title: 'Words that send to spam', name: 'words that send to spam', field: 'Word or phrase' },
  { kind: 'email', title: 'Refused emails', name: 'refused emails', field: 'Email or @domain' },
  { kind: 'ip', title: 'Refused IP ranges', name: 'refused IP ranges', field: 'IP address or CIDR range' },
];

const $ = (id) => document.getElementById(id);
const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';
const plural = (count, noun) => `${count} ${noun}${count === 1 ? '' : 's'}`;

const state = { status: 'hold', search: '', post: '', page: 1, totalPages: 0, auditPage: 1, auditPages: 0, undo: undefined };

class ApiError extends Error {}

async function api(path, init = {}) {
  const response = await fetch(`${API}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${token()}`, ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  const body = await response.json().catch(() => undefined);
  if (response.status === 401) {
    signOut('That token was not accepted.');
    throw new ApiError('unauthorised');
  }
  if (!response.ok) {
    const detail = body?.data?.params ? Object.values(body.data.params).join(' ') : '';
    throw new ApiError(detail || body?.message || `The server answered ${response.status}.`);
  }
  return body;
}
const send = (path, method, body) => api(path, { method, ...(body && { body: JSON.stringify(body) }) });

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function button(label, onClick, accessibleName) {
  const node = element('button', '', label);
  node.type = 'button';
  if (accessibleName) node.setAttribute('aria-label', accessibleName);
  node.addEventListener('click', () => onClick(node));
  return node;
}

/** Says something to screen readers (and sighted users) in the live region; errors go to the alert. */
function announce(message) {
  $('error').textContent = '';
  $('status').textContent = message;
}
function fail(error) {
  if (error instanceof ApiError && error.message === 'unauthorised') return;
  $('status').textContent = '';
  $('error').textContent = error.message;
}
const guarded = (action) => (...args) => action(...args).catch(fail);

// The queues

function renderComment(comment) {
  const item = element('li');
  item.dataset.id = String(comment.id);
  const check = element('input');
  check.type = 'checkbox';
  check.className = 'select';
  check.value = String(comment.id);
  check.id = `select-${comment.id}`;
  check.addEventListener('change', syncSelectAll);
  const body = element('div', 'body');
  const label = element('label', '', `Comment #${comment.id} by ${comment.author_name || 'Anonymous'}`);
  label.htmlFor = check.id;
  body.append(
    label,
    element('p', 'meta', `On post ${comment.post} · ${comment.date_gmt.replace('T', ' ')} UTC`),
    element('p', 'author', `${comment.author_email}${comment.author_url ? ` · ${comment.author_url}` : ''}`),
    element('p', 'text', comment.content.raw ?? ''),
  );
  item.append(check, body);
  return item;
}

const selectedIds = () => [...document.querySelectorAll('#comments input.select:checked')].map((box) => Number(box.value));

function syncSelectAll() {
  const boxes = document.querySelectorAll('#comments input.select');
  const checked = selectedIds().length;
  $('select-all').checked = boxes.length > 0 && checked === boxes.length;
  $('select-all').indeterminate = checked > 0 && checked < boxes.length;
}

async function loadQueue() {
  const query = new URLSearchParams({ status: state.status, page: String(state.page), per_page: String(PER_PAGE) });
  if (state.search) query.set('search', state.search);
  if (state.post) query.set('post', state.post);
  const queue = await api(`/comments?${query}`);
  if (queue.items.length === 0 && state.page > 1 && queue.total_pages > 0) {
    state.page = queue.total_pages;
    return loadQueue();
  }
  state.totalPages = queue.total_pages;
  for (const node of document.querySelectorAll('#queues button')) {
    const status = node.dataset.status;
    node.setAttribute('aria-pressed', String(status === state.status));
    node.querySelector('.count').textContent = `(${queue.counts[status]})`;
  }
  const filtered = state.search || state.post ? ' matching the search' : '';
  $('queue-heading').textContent = `${QUEUE_NAMES[state.status]} comments${filtered}`;
  $('comments').replaceChildren(...queue.items.map(renderComment));
  $('empty').hidden = queue.items.length > 0;
  $('page-info').textContent = queue.total_pages > 0 ? `Page ${state.page} of ${queue.total_pages}, ${plural(queue.total, 'comment')}` : '';
  $('previous-page').disabled = state.page <= 1;
  $('next-page').disabled = state.page >= queue.total_pages;
  syncSelectAll();
  return queue;
}

async function showQueue(status) {
  state.status = status;
  state.page = 1;
  const queue = await loadQueue();
  announce(`${QUEUE_NAMES[status]}: ${plural(queue.total, 'comment')}${state.search || state.post ? ' matching the search' : ''}.`);
}

async function turnPage(step) {
  state.page += step;
  await loadQueue();
  announce($('page-info').textContent);
  $('queue-heading').focus();
}

// Bulk actions and their undo

let undoTimer;
function offerUndo(actionId, message) {
  clearTimeout(undoTimer);
  state.undo = actionId;
  $('undo-text').textContent = message;
  $('undo-bar').hidden = false;
  undoTimer = setTimeout(hideUndo, UNDO_SHOWN_MS);
}
function hideUndo() {
  clearTimeout(undoTimer);
  const hadFocus = document.activeElement === $('undo');
  state.undo = undefined;
  $('undo-bar').hidden = true;
  if (hadFocus) $('queue-heading').focus();
}

async function bulk(action, trigger) {
  const ids = selectedIds();
  if (ids.length === 0) {
    announce('Select one or more comments first.');
    return;
  }
  if (action === 'delete' && !(await confirmDelete(ids))) {
    trigger.focus();
    return;
  }
  const result = await send('/bulk', 'POST', { ids, action });
  await loadQueue();
  const message = `${plural(result.changed.length, 'comment')} ${DONE[action]}.`;
  if (action === 'delete') {
    hideUndo();
    announce(message);
    $('queue-heading').focus();
    await loadAudit();
    return;
  }
  offerUndo(result.action_id, message);
  announce(`${message} Undo is available for ${UNDO_SHOWN_MS / 1000} seconds.`);
  $('undo').focus();
  await loadAudit();
}

async function undo() {
  if (state.undo === undefined) return;
  const result = await send('/undo', 'POST', { action_id: state.undo });
  hideUndo();
  await loadQueue();
  announce(`Undone: ${plural(result.changed.length, 'comment')} restored.`);
  $('queue-heading').focus();
  await loadAudit();
}

/** Asks before deleting for good, in a modal dialog; resolves true when the moderator confirms. */
function confirmDelete(ids) {
  const dialog = $('confirm-delete');
  $('confirm-text').textContent = `${plural(ids.length, 'comment')} will be deleted for good. This cannot be undone.`;
  return new Promise((resolve) => {
    const close = (confirmed) => {
      $('confirm-yes').removeEventListener('click', yes);
      $('confirm-cancel').removeEventListener('click', no);
      dialog.removeEventListener('cancel', no);
      dialog.close();
      resolve(confirmed);
    };
    const yes = () => close(true);
    const no = (event) => {
      event?.preventDefault();
      close(false);
    };
    $('confirm-yes').addEventListener('click', yes);
    $('confirm-cancel').addEventListener('click', no);
    dialog.addEventListener('cancel', no);
    dialog.showModal();
    $('confirm-cancel').focus();
  });
}

// Block lists

function renderBlockLists(entries) {
  const lists = LISTS.map(({ kind, title, name, field }) => {
    const section = element('section', 'list');
    section.setAttribute('aria-labelledby', `list-${kind}-heading`);
    const heading = element('h3', '', title);
    heading.id = `list-${kind}-heading`;
    const items = element('ul', 'list-entries');
    items.setAttribute('aria-labelledby', heading.id);
    for (const entry of entries.filter((candidate) => candidate.kind === kind)) {
      const item = element('li');
      item.append(
        element('span', 'value', entry.value),
        button('Remove', guarded(() => removeBlockEntry(entry, kind)), `Remove “${entry.value}” from ${name}`),
      );
      items.append(item);
    }
    if (items.children.length === 0) items.append(element('li', 'none', 'Nothing listed.'));
    const form = element('form', 'list-form');
    const input = element('input');
    input.id = `add-${kind}`;
    input.name = 'value';
    input.required = true;
    input.autocomplete = 'off';
    input.spellcheck = false;
    const label = element('label', '', field);
    label.htmlFor = input.id;
    const add = element('button', '', 'Add');
    add.type = 'submit';
    add.setAttribute('aria-label', `Add to ${name}`);
    const problem = element('p', 'problem');
    problem.id = `add-${kind}-problem`;
    form.append(label, input, add, problem);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      addBlockEntry(kind, name, input, problem).catch(fail);
    });
    section.append(heading, items, form);
    return section;
  });
  $('blocklists').replaceChildren(...lists);
}

async function loadBlockLists() {
  renderBlockLists(await api('/blocklist'));
}

async function addBlockEntry(kind, name, input, problem) {
  try {
    const entry = await send('/blocklist', 'POST', { kind, value: input.value });
    await loadBlockLists();
    announce(`Added “${entry.value}” to ${name}.`);
    $(`add-${kind}`).focus();
    await loadAudit();
  } catch (error) {
    if (!(error instanceof ApiError) || error.message === 'unauthorised') throw error;
    problem.textContent = error.message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', problem.id);
    input.focus();
  }
}

async function removeBlockEntry(entry, kind) {
  await send(`/blocklist/${entry.id}`, 'DELETE');
  await loadBlockLists();
  announce(`Removed “${entry.value}”.`);
  $(`add-${kind}`).focus();
  await loadAudit();
}

// Moderator tokens

async function loadTokens() {
  const tokens = await api('/tokens');
  $('tokens').replaceChildren(
    ...tokens.map((info) => {
      const item = element('li');
      const since = `created ${info.created_gmt.replace('T', ' ')} UTC`;
      const what = info.revoked_gmt
        ? `${since}, revoked ${info.revoked_gmt.replace('T', ' ')} UTC`
        : info.configured
          ? `${since}, from the configuration`
          : since;
      const text = element('span', '', '');
      text.append(element('strong', '', info.label), ` — ${what}`);
      item.append(text);
      if (!info.revoked_gmt && !info.configured) item.append(button('Revoke', guarded(() => revokeToken(info)), `Revoke the token “${info.label}”`));
      return item;
    }),
  );
}

async function createToken() {
  const created = await send('/tokens', 'POST', { label: $('token-label').value });
  $('token-label').value = '';
  $('new-token-note').textContent = `Token “${created.label}”: copy it now, it is shown only once.`;
  $('new-token-value').value = created.token;
  $('new-token-shown').hidden = false;
  await loadTokens();
  announce(`Created the token “${created.label}”.`);
  $('new-token-value').focus();
  $('new-token-value').select();
  await loadAudit();
}

async function revokeToken(info) {
  await send(`/tokens/${info.id}`, 'DELETE');
  await loadTokens();
  announce(`Revoked the token “${info.label}”: it no longer works.`);
  $('token-label').focus();
  await loadAudit();
}

// The audit log

async function loadAudit() {
  const audit = await api(`/audit?page=${state.auditPage}&per_page=${PER_PAGE}`);
  state.auditPages = audit.total_pages;
  $('audit').replaceChildren(
    ...audit.items.map((entry) => {
      const item = element('li');
      item.append(element('span', 'meta', `${entry.date_gmt.replace('T', ' ')} UTC · `), element('strong', '', entry.moderator), `: ${entry.summary}`);
      return item;
    }),
  );
  $('audit-info').textContent = audit.total_pages > 0 ? `Page ${state.auditPage} of ${audit.total_pages}` : 'Nothing yet.';
  $('audit-previous').disabled = state.auditPage <= 1;
  $('audit-next').disabled = state.auditPage >= audit.total_pages;
}

async function turnAuditPage(step) {
  state.auditPage += step;
  await loadAudit();
  announce(`Audit log, ${$('audit-info').textContent.toLowerCase()}.`);
  $('audit-heading').focus();
}

// Signing in and out

function signOut(message = '') {
  sessionStorage.removeItem(TOKEN_KEY);
  hideUndo();
  $('desk').hidden = true;
  $('sign-in').hidden = false;
  $('new-token-shown').hidden = true;
  $('new-token-value').value = '';
  $('sign-in-error').textContent = message;
  $('token').focus();
}

async function show() {
  const me = await api('/me');
  $('signed-in-as').textContent = `Signed in as ${me.label}.`;
  $('sign-in').hidden = true;
  $('sign-in-error').textContent = '';
  $('desk').hidden = false;
  await Promise.all([loadQueue(), loadBlockLists(), loadTokens(), loadAudit()]);
  $('queue-heading').focus();
}

$('sign-in').addEventListener('submit', (event) => {
  event.preventDefault();
  sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
  $('token').value = '';
  show().catch(fail);
});
$('sign-out').addEventListener('click', () => signOut());
for (const node of document.querySelectorAll('#queues button')) node.addEventListener('click', guarded(() => showQueue(node.dataset.status)));
for (const node of document.querySelectorAll('.bulk button')) node.addEventListener('click', guarded(() => bulk(node.dataset.action, node)));
$('select-all').addEventListener('change', () => {
  for (const box of document.querySelectorAll('#comments input.select')) box.checked = $('select-all').checked;
  announce($('select-all').checked ? `${plural(selectedIds().length, 'comment')} selected.` : 'Nothing selected.');
});
$('search').addEventListener('submit', (event) => {
  event.preventDefault();
  state.search = $('search-text').value.trim();
  state.post = $('search-post').value.trim();
  showQueue(state.status).catch(fail);
});
$('refresh').addEventListener('click', guarded(() => loadQueue().then(() => announce('Refreshed.'))));
$('previous-page').addEventListener('click', guarded(() => turnPage(-1)));
$('next-page').addEventListener('click', guarded(() => turnPage(1)));
$('undo').addEventListener('click', guarded(undo));
$('new-token').addEventListener('submit', (event) => {
  event.preventDefault();
  createToken().catch(fail);
});
$('audit-previous').addEventListener('click', guarded(() => turnAuditPage(-1)));
$('audit-next').addEventListener('click', guarded(() => turnAuditPage(1)));
if (token()) show().catch(fail);
