// What the comment elements keep in localStorage. Storage may be disabled or full: the elements then work, only
// without memory.

export function readStored<T>(key: string): T | undefined {
  try {
    const text = localStorage.getItem(key);
    return text ? (JSON.parse(text) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // See above.
  }
}

const ORDER_KEY = 'newsroom-elements.comment-order';

/** The sort order the reader last chose, on any page. */
export const readOrder = (): 'asc' | 'desc' | undefined => {
  const order = readStored<string>(ORDER_KEY);
  return order === 'asc' || order === 'desc' ? order : undefined;
};
export const writeOrder = (order: 'asc' | 'desc'): void => writeStored(ORDER_KEY, order);

/** What the browser that posted a comment keeps to edit it: the token and the end of the edit window (ms since the epoch). */
export interface EditGrant {
  token: string;
  until: number;
}

const EDIT_PREFIX = 'newsroom-elements.comment-edit:';
const editKey = (endpoint: string, id: number) => `${EDIT_PREFIX}${endpoint}|${id}`;

/** The grant of a comment, if this browser posted it and its window is still open (an expired one is forgotten). */
export function readEditGrant(endpoint: string, id: number): EditGrant | undefined {
  const grant = readStored<EditGrant>(editKey(endpoint, id));
  if (grant && typeof grant.token === 'string' && grant.until > Date.now()) return grant;
  if (grant) writeStored(editKey(endpoint, id), undefined);
  return undefined;
}

/** Keeps (or with `undefined` forgets) a comment's grant; grants whose window is over are swept out as a new one comes. */
export function writeEditGrant(endpoint: string, id: number, grant: EditGrant | undefined): void {
  if (grant) {
    try {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith(EDIT_PREFIX) && !((readStored<EditGrant>(key)?.until ?? 0) > Date.now())) localStorage.removeItem(key);
      }
    } catch {
      // Storage disabled: nothing to sweep.
    }
  }
  writeStored(editKey(endpoint, id), grant);
}
