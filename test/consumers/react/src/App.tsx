import { useState } from 'react';
import 'newsroom-elements'; // registers every element
import type {} from 'newsroom-elements/jsx'; // teaches JSX the elements' attributes, properties and events

export function App() {
  const [boxState, setBoxState] = useState('closed');
  return (
    <main>
      <fact-box heading="Learn more" collapsible visibleCount={1} ontoggle={(event) => setBoxState(event.newState)}>
        <stat-callout value="3000000" format="compact" prefix="Over" source="Agence France-Presse"
                      sourceHref="https://www.afp.com/">Ukrainians who fled the country</stat-callout>
        <stat-callout value="108" source="Ukrainian General Prosecutor’s Office">children killed since the invasion began</stat-callout>
      </fact-box>
      <p>The box is <output id="toggle-state">{boxState}</output>.</p>
    </main>
  );
}
