// newsroom-elements/structured-data as a user's TypeScript sees it (package.json `exports` gives its declarations):
// the builders' inputs and outputs are typed. Compiled with `tsc --noEmit`, never run. Each `@ts-expect-error` line
// must be an error, or tsc fails.
import { jsonLdScript, newsArticleData, quotationData, statisticData, structuredDataOf, type QuotationData } from 'newsroom-elements/structured-data';

const quote: QuotationData = quotationData({ text: 'Quoted.', speaker: 'Antony Blinken', jobTitle: 'US Secretary of State', cite: 'https://www.state.gov/' });
const figure = statisticData({ value: 108, label: 'children killed', source: 'Ukrainian Prosecutor General’s Office', date: '2022-03-17' });
const article = newsArticleData({ headline: 'Peace talks stall', datePublished: '2022-03-17', inLanguage: 'en', parts: [quote, figure] });
const script: string = jsonLdScript(article);
const speaker: string | undefined = quote.creator?.name;
const measured: string = figure.about.variableMeasured;
const read = structuredDataOf(document.createElement('pull-quote'));
const type: 'Quotation' | 'Claim' | undefined = read?.['@type'];

// @ts-expect-error a quotation needs its text
quotationData({ speaker: 'Antony Blinken' });
// @ts-expect-error a figure needs what it counts
statisticData({ value: 108 });
// @ts-expect-error an article needs its language
newsArticleData({ headline: 'Peace talks stall', datePublished: '2022-03-17' });

void [script, speaker, measured, type];
