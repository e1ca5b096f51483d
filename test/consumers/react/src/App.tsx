import { useState } from 'react';
import 'newsroom-elements'; // registers every element
import type {} from 'newsroom-elements/jsx'; // teaches JSX the elements' attributes, properties and events

// The comment server's API: the test passes its own in ?comments=; a site writes its URL here.
const commentsEndpoint = new URLSearchParams(location.search).get('comments') ?? '/wp-json/wp/v2';

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
      <pull-quote cite="https://www.state.gov/">
        <p>The actions that we see Russia committing every day are in complete contradiction to any serious diplomatic
           effort to end the war.</p>
        <speaker-caption slot="attribution" name="Antony Blinken" jobTitle="US Secretary of State"></speaker-caption>
      </pull-quote>
      <social-follow heading="Follow us">
        <a href="https://bsky.app/profile/newsroom.example">Bluesky</a>
        <a href="/feed/">RSS</a>
      </social-follow>
      <comment-section endpoint={commentsEndpoint} postId={1}></comment-section>
    </main>
  );
}
