// Hydration support must load before the elements, so that they adopt the server's shadow roots.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import 'newsroom-elements';

document.querySelector('fact-box').addEventListener('toggle', (event) => {
  document.querySelector('#toggle-state').textContent = event.newState;
});
