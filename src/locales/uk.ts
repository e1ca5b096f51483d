import { collectTerms } from './collect.js';

/**
 * Every element's Ukrainian terms in one object (`newsroom-elements/locales/uk.js`), the template of a new language:
 * copy it, translate each term, set `$code`, and pass it to `registerTranslation`. Ukrainian itself is built in.
 */
const uk = collectTerms('uk');
export default uk;
