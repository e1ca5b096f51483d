import { LE_DRIAN_ORIGINAL } from './originals.js';
import type { ArticleContent } from './types.js';

// The demo's own wording of the reference article: facts, figures, names, sources and attributed quotes are the
// article's; the prose is not.
export const en: ArticleContent = {
  lang: 'en',
  languageName: 'English',
  title: 'Peace talks stall as strikes on civilians mount — newsroom-elements demo',
  description: 'Western capitals accuse Moscow of negotiating in bad faith while its forces bomb civilians in Ukraine.',
  skipLink: 'Skip to the article',
  languagesLabel: 'Read this article in',
  kicker: 'War in Ukraine',
  headline: 'Peace talks stall',
  standfirst:
    'Western governments say the negotiations to end the invasion are going nowhere while Russian forces keep bombing civilians, and accuse Moscow of talking in bad faith.',
  byline: 'By the newsroom-elements demo desk',
  published: 'Published',
  speakers: {
    blinken: { name: 'Antony Blinken', role: 'US Secretary of State' },
    'le-drian': { name: 'Jean-Yves Le Drian', role: 'Minister of Foreign Affairs of the French Republic' },
    reznikov: { name: 'Oleksii Reznikov', role: 'Minister of Defence of Ukraine' },
    zelensky: { name: 'Volodymyr Zelensky', role: 'President of Ukraine' },
    xi: { name: 'Xi Jinping', role: 'President of China' },
  },
  portraitAlt: (name) => `Placeholder portrait of ${name}`,
  body: [
    {
      paragraph:
        'Three weeks into the offensive Russia launched against its neighbour, Washington said on Thursday that President Vladimir Putin had no intention of stopping it, and that his negotiators were plainly not acting in good faith.',
    },
    {
      quote:
        'The actions that we see Russia committing every day, virtually every minute of every day, are in complete contradiction to any serious diplomatic effort to end the war.',
      speaker: 'blinken',
    },
    { portrait: 'blinken' },
    {
      paragraph:
        'The US Secretary of State pointed to strikes on schools, hospitals and a theatre in Mariupol where hundreds of people were sheltering. In his view they show that Moscow is “intentionally” seeking civilian casualties.',
    },
    {
      paragraph:
        'Paris shares the suspicion. In an interview with Le Parisien, French Foreign Minister Jean-Yves Le Drian said the Russian president was “pretending to negotiate”, repeating a method already used in Chechnya and in Syria.',
    },
    {
      quote:
        'indiscriminate bombardments, so-called humanitarian “corridors” designed to then accuse the adversary of not respecting them and talks with no other objective than to pretend to negotiate.',
      insertion: { text: 'Cette approche prévoit', lang: 'fr' },
      original: LE_DRIAN_ORIGINAL,
      speaker: 'le-drian',
    },
    {
      paragraph:
        'Moscow, for its part, says it is putting “colossal” effort into reaching a negotiated settlement, and claims to be more willing than the government in Kyiv.',
    },
    {
      paragraph:
        'Oleksii Reznikov, the Ukrainian defence minister who heads Kyiv’s delegation, reported progress on technical points, but said nothing real could move until Russia accepted a ceasefire.',
    },
    { portrait: 'reznikov' },
    {
      paragraph:
        'Several media outlets report that the future “neutrality” of Ukraine is on the table. Dominique Arel, a Ukraine specialist at the University of Ottawa, calls the notion vague and a “smokescreen” for what Moscow actually wants.',
    },
    {
      paragraph:
        'In Vladimir Putin’s “alternative reality”, the researcher explains, neutrality would mean not only keeping Ukraine out of NATO but also cutting it off from any help from the alliance’s members to defend itself later on, a path Kyiv cannot accept.',
    },
    {
      paragraph:
        'He expects no quick result: Russia “does not feel weakened enough to sit down and negotiate”, and would rather step up its strikes, civilians included, to bend the Ukrainian government.',
    },
    { heading: 'More help needed' },
    {
      paragraph:
        'The United Nations has counted at least 726 civilians killed, 52 of them children, and warns that the real figure is probably far higher.',
    },
    {
      paragraph:
        'On Thursday alone, Russian fire killed at least 27 people in Merefa, in the Kharkiv region in the north-east of the country.',
    },
    {
      paragraph:
        'President Volodymyr Zelensky keeps asking Western countries for more help to “stop the war”, and keeps addressing their parliaments by video link.',
    },
    { portrait: 'zelensky', caption: 'Volodymyr Zelensky spoke to the members of the German Bundestag on Thursday.' },
    {
      paragraph:
        'Speaking to the Bundestag, he asked again for a no-fly zone, which NATO has ruled out, for more weapons and for tougher economic sanctions against Russia.',
    },
    {
      paragraph:
        'On Wednesday the United States said it would step up its military aid to Kyiv, including air-defence systems that could help Ukrainian forces counter the Russian air force.',
    },
    {
      paragraph:
        'Washington is also pressing its diplomatic campaign to isolate Russia further. The sanctions already in place have, among other things, frozen part of the Russian central bank’s reserves.',
    },
    { heading: 'China’s role' },
    {
      paragraph:
        'All eyes are on Beijing. Just before the Olympic Games, President Xi Jinping and Vladimir Putin signed a long joint statement celebrating a “boundless friendship” between their countries.',
    },
    {
      paragraph:
        'US President Joe Biden was to speak with Mr Xi on Friday and warn him that helping Moscow with the war in Ukraine could bring sanctions. According to US intelligence, Beijing is ready to supply weapons to Russia, which denies asking for any.',
    },
    {
      paragraph:
        'Frédéric Lasserre, an Asia specialist at Laval University, doubts that China would take that step now: it would risk “further degrading its relations with Western countries” and hurting its own economic interests.',
    },
    { portrait: 'xi' },
    {
      paragraph:
        'Mr Xi wants to keep his ties with Vladimir Putin and so will not condemn the invasion, the researcher says, but he also needs workable relations with the United States and Europe for his development plans, the “New Silk Roads” infrastructure programme first among them.',
    },
    {
      paragraph:
        'Officially, Beijing answers Washington’s warnings with hostility and says it needs no lessons in good conduct. On Thursday, Foreign Ministry spokesman Zhao Lijian appeared to blame the United States for the crisis: countries that backed NATO’s expansion eastward “should really feel uncomfortable” today, he said.',
    },
    {
      paragraph:
        'He also mocked the reach of the sanctions against Russia, saying that “even the cats, dogs and trees” of the country were being targeted.',
    },
    {
      paragraph:
        'Such statements are meant to show that “the country is completely sovereign” and decides its Ukraine policy without regard for American wishes, Mr Lasserre says, which makes Washington’s task a delicate one.',
    },
    {
      paragraph:
        '“The more they will pressure China not to deliver weapons to Russia, the more they will encourage it to do so,” he warns.',
    },
  ],
  factsHeading: 'Learn more',
  facts: [
    {
      value: '3000000',
      format: 'compact',
      prefix: 'Over',
      label: 'Ukrainians have fled the country, the vast majority to Poland',
      source: 'Agence France-Presse',
      sourceHref: 'https://www.afp.com/',
    },
    {
      value: '108',
      label: 'children killed in Ukraine since the start of the Russian invasion',
      source: 'Ukrainian Prosecutor General’s Office',
      sourceHref: 'https://www.gp.gov.ua/',
    },
    {
      value: '7000',
      label: 'Russian soldiers killed in three weeks of fighting, according to US intelligence estimates',
      source: 'The New York Times',
      sourceHref: 'https://www.nytimes.com/',
    },
    {
      value: '80',
      format: 'percent',
      label: 'of Mariupol’s housing destroyed; the city calls the situation “critical”, under “uninterrupted” bombardment',
      source: 'Mariupol City Hall estimates',
      sourceHref: 'https://mariupol.gov.ua/',
    },
  ],
  followHeading: 'Connect with us',
  commentsHeading: 'Comments',
  footer: 'A demonstration of newsroom-elements. The portraits are placeholders drawn for this demo.',
};
