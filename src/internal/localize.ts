import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { sharedTerms, type SharedTermName } from './shared.terms.js';
import type { BuiltinTerms, Term, Terms } from './terms.js';

/** The names of the terms an element with English terms `E` may ask for: its own and those all elements share. */
export type TermName<E extends Terms> = (keyof E & string) | SharedTermName;

/**
 * A language a page adds (or overrides) at run time, with no build step:
 *
 * ```js
 * import { registerTranslation } from 'newsroom-elements';
 * registerTranslation({ $code: 'de', $quotes: ['„', '“'], sourceLabel: 'Quelle:', showAll: (n) => `Alle zeigen (${n})` });
 * ```
 *
 * Terms it leaves out fall back to the primary language (`de` for `de-AT`) and then to English.
 */
export interface Translation {
  /** BCP 47 language tag, such as `de` or `pt-BR`. */
  $code: string;
  /** Opening and closing quotation marks, then optionally the inner pair. */
  $quotes?: readonly [string, string] | readonly [string, string, string, string];
  [term: string]: Term | readonly string[] | undefined;
}

interface SharedStore {
  translations: Map<string, Translation>;
  /** The page language while rendering on the server, where there is no document to look `lang` up in. */
  serverLang?: string;
  /** What to call when a language or a translation changes: one entry per connected element (a Set, as a page may
   * hold thousands of elements and an EventTarget's listener list is searched on every add and remove). */
  listeners: Set<() => void>;
  observer?: MutationObserver;
}

// Kept on globalThis under a registered symbol so that two copies of the library on one page share one registry.
const STORE_KEY = Symbol.for('newsroom-elements.localize');
const store: SharedStore = ((globalThis as Record<symbol, SharedStore | undefined>)[STORE_KEY] ??= {
  translations: new Map(),
  listeners: new Set(),
});

function notifyChange(): void {
  for (const listener of store.listeners) listener();
}

/** Adds or extends languages for every element on the page; elements already shown update at once. */
export function registerTranslation(...translations: Translation[]): void {
  for (const translation of translations) {
    const code = translation.$code.toLowerCase();
    store.translations.set(code, { ...store.translations.get(code), ...translation });
  }
  notifyChange();
}

/**
 * Sets the language of the page being rendered on the server with @lit-labs/ssr (where elements cannot look up the
 * nearest `lang`). An element's own `lang` attribute still wins.
 */
export function setServerLanguage(lang: string): void {
  store.serverLang = lang;
}

/** Candidate languages by language tag: computed once per tag, as every term and number looks them up. */
const fallbackCache = new Map<string, readonly string[]>();

type CachedFormat = Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules | Intl.RelativeTimeFormat | Intl.DisplayNames;

const formatCache = new Map<string, CachedFormat>();

/** One formatter per kind, language and options, shared by every element (creating one is slow). */
export function cachedFormat<T extends CachedFormat>(
  kind: string,
  lang: string,
  options: object,
  create: (locale: string) => T,
): T {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  let format = formatCache.get(key) as T | undefined;
  if (!format) {
    try {
      format = create(lang);
    } catch {
      // An unknown or malformed language tag (or option) must not break rendering: fall back to English.
      format = create('en');
    }
    formatCache.set(key, format);
  }
  return format;
}

/** The language of the nearest ancestor with a `lang` attribute, looking through shadow roots; `en` if none. */
export function resolveLang(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const withLang: Element | null = node.closest('[lang]');
    const lang = withLang?.getAttribute('lang')?.trim();
    if (lang) return lang;
    // An empty lang="" means "unknown": keep looking, as the host page is more likely to know.
    const root = (withLang ?? node).getRootNode();
    node = withLang?.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return 'en';
}

/** The primary language subtag, lower case: `de` for `de-CH`. */
export function primaryOf(lang: string): string {
  return lang.split('-')[0].toLowerCase();
}

/** The languages to look a term up in for a language tag, most specific first, ending with English. */
export function candidateLanguages(lang: string): readonly string[] {
  let candidates = fallbackCache.get(lang);
  if (!candidates) {
    const exact = lang.toLowerCase();
    candidates = [...new Set([exact, primaryOf(exact), 'en'])];
    fallbackCache.set(lang, candidates);
  }
  return candidates;
}

/** What a page registered for a language code (lower case), if anything. */
export function registeredTranslation(code: string): Translation | undefined {
  return store.translations.get(code);
}

function watchLangAttributes(): void {
  if (store.observer || typeof MutationObserver === 'undefined') return;
  store.observer = new MutationObserver(notifyChange);
  store.observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Gives an element its language (the nearest `lang`, kept current) and the terms, numbers and dates of that
 * language. The host re-renders when its language changes or a page registers a translation.
 */
export class LocalizeController<E extends Terms = Terms> implements ReactiveController {
  private resolvedLang = 'en';

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly builtin: BuiltinTerms;

  constructor(host: ReactiveControllerHost & HTMLElement, builtin: BuiltinTerms<E>) {
    this.host = host;
    this.builtin = builtin;
    host.addController(this);
  }

  /** The resolved language tag, such as `fr` or `uk-UA`. */
  get lang(): string {
    // Server rendering connects no element to a document: use the element's own lang or the page's.
    return isServer ? this.host.getAttribute('lang') || store.serverLang || 'en' : this.resolvedLang;
  }

  hostConnected(): void {
    this.resolvedLang = resolveLang(this.host);
    watchLangAttributes();
    store.listeners.add(this.handleChange);
  }

  hostDisconnected(): void {
    store.listeners.delete(this.handleChange);
  }

  private readonly handleChange = (): void => {
    this.resolvedLang = resolveLang(this.host);
    this.host.requestUpdate();
  };

  /**
   * A term in the element's language (a page's translation, the element's own terms, then those elements share),
   * falling back to the primary language and then to English (whose terms are complete, so a name always matches).
   */
  term(key: TermName<E>, ...args: unknown[]): string {
    for (const code of candidateLanguages(this.lang)) {
      const term = store.translations.get(code)?.[key] ?? this.builtin[code]?.[key] ?? (sharedTerms as BuiltinTerms)[code]?.[key];
      if (typeof term === 'string') return term;
      if (typeof term === 'function') return term(...args);
    }
    return key;
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return cachedFormat('n', this.lang, options, (locale) => new Intl.NumberFormat(locale, options)).format(value);
  }

  date(value: Date, options: Intl.DateTimeFormatOptions = { dateStyle: 'long' }): string {
    return cachedFormat('d', this.lang, options, (locale) => new Intl.DateTimeFormat(locale, options)).format(value);
  }
}
