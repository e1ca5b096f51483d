import { isServer, LitElement } from 'lit';
import { LocalizeController, type BuiltinTerms } from './localize.js';

/**
 * The base of every newsroom element: a LitElement that knows its language (the nearest `lang`) and its terms.
 * Subclasses list their built-in English, French and Ukrainian terms in `static terms`.
 */
export class NewsroomElement extends LitElement {
  /** Built-in terms of the element, by language. */
  static terms: BuiltinTerms = { en: {} };

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof NewsroomElement).terms);

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
