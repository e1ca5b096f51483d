import { LitElement } from 'lit';
import { LocalizeController, type BuiltinTerms } from './localize.js';

/**
 * The base of every newsroom element: a LitElement that knows its language (the nearest `lang`) and its terms.
 * Subclasses list their built-in English, French and Ukrainian terms in `static terms`.
 */
export class NewsroomElement extends LitElement {
  /** Built-in terms of the element, by language. */
  static terms: BuiltinTerms = { en: {} };

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof NewsroomElement).terms);
}
