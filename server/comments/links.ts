// The links in a comment's text, as the moderation rule counts them and the renderer turns them into anchors.
// Linear-time pattern (no nested quantifiers, no quantified run before an anchor), so hostile input cannot cause
// backtracking.
export const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** How many links a text holds, as WordPress counts them for moderation. */
export const countLinks = (text: string): number => text.match(URL_PATTERN)?.length ?? 0;
