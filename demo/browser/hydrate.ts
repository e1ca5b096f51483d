// The page's first script: Lit's hydrate support, which makes elements adopt the server-rendered (declarative) shadow
// roots instead of rendering a second copy beside them. It must run before Lit's LitElement module is evaluated, so
// it is an entry point (and a <script>) of its own: inside the elements' bundle, code splitting would hoist the shared
// Lit chunk above it.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
