/**
 * Quotes in the language they were spoken in: the French page prints them as they are, the other pages print their
 * translation with the words as spoken beside it (pull-quote's `original`).
 */
export const LE_DRIAN_ORIGINAL = {
  lang: 'fr',
  text: 'des bombardements indiscriminés, des « couloirs » prétendument humanitaires conçus pour accuser ensuite l’adversaire de ne pas les respecter, et des pourparlers sans autre objectif que de faire semblant de négocier.',
};
