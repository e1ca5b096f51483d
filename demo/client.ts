// The demo page's script. Lit's hydrate support must run before any element module: it makes the elements adopt
// the server-rendered (declarative) shadow roots instead of rendering a second copy beside them.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import '../src/index.js';
