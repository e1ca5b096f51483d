// Never rendered: `tsc` fails unless the generated JSX types accept this use and reject these mistakes.
import { useRef } from 'react';
import type { FactBox } from 'newsroom-elements';
import type {} from 'newsroom-elements/jsx';

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
