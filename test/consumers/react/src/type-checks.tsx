// Never rendered: `tsc` fails unless the package's entries resolve with their types, and the generated JSX types
// accept this use and reject these mistakes.
import { useRef } from 'react';
import { registerTranslation, type FactBox } from 'newsroom-elements';
import type {} from 'newsroom-elements/jsx';
import { StatCallout } from 'newsroom-elements/stat-callout.js';
import { FactBox as FactBoxClass } from 'newsroom-elements/classes.js';
import fr from 'newsroom-elements/locales/fr.js';

registerTranslation({ ...fr, $code: 'fr-CA' });
export const classes: CustomElementConstructor[] = [StatCallout, FactBoxClass];

export function Checks() {
  const box = useRef<FactBox>(null);
  return (
    <>
      <fact-box ref={box} headingLevel={3} ontoggle={(event) => console.log(event.newState)} />
      {/* @ts-expect-error heading-level is a number */}
      <fact-box headingLevel="two" />
      {/* @ts-expect-error there is no `valeu` attribute */}
      <stat-callout valeu="3" />
      {/* @ts-expect-error a toggle event has no `detail` */}
      <fact-box ontoggle={(event) => event.detail} />
    </>
  );
}
