/**
 * How `require-name-email` reads, for comment-section and comment-form alike: on unless written `"false"` (a boolean
 * attribute could not be turned off by markup).
 */
export const requireNameEmailConverter = { fromAttribute: (value: string | null) => value !== 'false' };
