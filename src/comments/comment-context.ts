import { createContext } from '@lit/context';

// String keys, so that two copies of the library on one page still find each other's section.
/** The REST API base URL a `comment-section` gives the parts inside it. */
export const endpointContext = createContext<string | undefined>('newsroom-elements.comment-endpoint');
/** The post id a `comment-section` gives the parts inside it. */
export const postIdContext = createContext<number | undefined>('newsroom-elements.comment-post-id');
