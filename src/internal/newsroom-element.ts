import { isServer, LitElement } from 'lit';
import { LocalizeController } from './localize.js';
import type { BuiltinTerms, Term, Terms } from './terms.js';

/**
 * The base of every newsroom element: a LitElement that knows its language (the nearest `lang`) and its terms.
 * Subclasses list their built-in English, French and Ukrainian terms in `static terms`, and name the English ones'
 * type as `E`, so that asking for a term the element lacks is a type error.
 */
export class NewsroomElement<E extends Terms = Record<never, Term>> extends LitElement {
  /** Built-in terms of the element, by language. */
  static terms: BuiltinTerms = { en: {} };

  protected readonly localize = new LocalizeController<E>(this, (this.constructor as typeof NewsroomElement).terms as BuiltinTerms<E>);

  /**
   * The server rendered this element (its declarative shadow root was already attached). The server saw no light
   * DOM, so the first render must not read it either: hydration needs the server's templates. Read it afterwards.
   */
  protected readonly serverRendered = this.shadowRoot !== null;

  /**
   * Whether the element may read its light DOM now: never on the server (it has none), nor before a server-rendered
   * element's first update is done (hydration needs the server's templates).
   */
  protected get lightDomReadable(): boolean {
    return !isServer && (this.hasUpdated || !this.serverRendered);
  }
}
