import { LE_DRIAN_ORIGINAL } from './originals.js';
import type { ArticleContent } from './types.js';

export const fr: ArticleContent = {
  lang: 'fr',
  languageName: 'Français',
  title: 'Les pourparlers de paix piétinent tandis que les frappes sur les civils se multiplient — démo newsroom-elements',
  description: 'Les capitales occidentales accusent Moscou de négocier de mauvaise foi pendant que ses forces bombardent des civils en Ukraine.',
  skipLink: 'Aller à l’article',
  languagesLabel: 'Lire cet article en',
  kicker: 'Guerre en Ukraine',
  headline: 'Les pourparlers de paix piétinent',
  standfirst:
    'Les gouvernements occidentaux jugent que les négociations pour mettre fin à l’invasion ne mènent nulle part pendant que les forces russes continuent de bombarder des civils, et accusent Moscou de mauvaise foi.',
  byline: 'Par la rédaction de la démo newsroom-elements',
  published: 'Publié le',
  speakers: {
    blinken: { name: 'Antony Blinken', role: 'Secrétaire d’État des États-Unis' },
    'le-drian': { name: 'Jean-Yves Le Drian', role: 'Ministre de l’Europe et des Affaires étrangères de la République française' },
    reznikov: { name: 'Oleksii Reznikov', role: 'Ministre de la Défense de l’Ukraine' },
    zelensky: { name: 'Volodymyr Zelensky', role: 'Président de l’Ukraine' },
    xi: { name: 'Xi Jinping', role: 'Président de la Chine' },
  },
  // "de" elides before a vowel: « portrait d’Antony Blinken ».
  portraitAlt: (name) => `Portrait provisoire ${/^[aeiouyàâéèêîôû]/i.test(name) ? 'd’' : 'de '}${name}`,
  body: [
    {
      paragraph:
        'Trois semaines après le début de l’offensive russe contre l’Ukraine, Washington a affirmé jeudi que le président Vladimir Poutine n’avait aucune intention d’y mettre fin et que ses négociateurs n’agissaient manifestement pas de bonne foi.',
    },
    {
      quote:
        'Les actes que nous voyons la Russie commettre chaque jour, pratiquement à chaque minute de chaque jour, sont en contradiction totale avec tout effort diplomatique sérieux pour mettre fin à la guerre.',
      speaker: 'blinken',
    },
    { portrait: 'blinken' },
    {
      paragraph:
        'Le secrétaire d’État américain a cité les frappes sur des écoles, des hôpitaux et un théâtre de Marioupol où des centaines de personnes s’étaient abritées. Selon lui, elles montrent que Moscou cherche « intentionnellement » à faire des victimes civiles.',
    },
    {
      paragraph:
        'Paris partage ce soupçon. Dans un entretien au Parisien, le ministre des Affaires étrangères Jean-Yves Le Drian a estimé que le président russe « fait semblant de négocier », selon une méthode déjà employée en Tchétchénie et en Syrie.',
    },
    {
      quote: LE_DRIAN_ORIGINAL.text,
      insertion: { text: 'Cette approche prévoit', lang: 'fr' },
      speaker: 'le-drian',
    },
    {
      paragraph:
        'Moscou assure de son côté déployer une énergie « colossale » pour parvenir à une solution négociée, et se dit mieux disposé que le gouvernement de Kyiv.',
    },
    {
      paragraph:
        'Oleksii Reznikov, le ministre ukrainien de la Défense qui dirige la délégation de Kyiv, fait état de progrès sur des points techniques, mais rien de réel ne bougera selon lui tant que la Russie n’acceptera pas un cessez-le-feu.',
    },
    { portrait: 'reznikov' },
    {
      paragraph:
        'Plusieurs médias rapportent que la future « neutralité » de l’Ukraine est sur la table. Dominique Arel, spécialiste de l’Ukraine à l’Université d’Ottawa, y voit une notion floue et un « écran de fumée » masquant les véritables exigences de Moscou.',
    },
    {
      paragraph:
        'Dans la « réalité alternative » de Vladimir Poutine, explique le chercheur, la neutralité signifierait non seulement tenir l’Ukraine hors de l’OTAN, mais aussi la priver de toute aide des pays membres de l’alliance pour se défendre à l’avenir, une voie inacceptable pour Kyiv.',
    },
    {
      paragraph:
        'Il n’attend pas de résultat rapide : la Russie « ne se sent pas assez affaiblie pour s’asseoir et négocier » et préfère intensifier ses frappes, y compris contre des civils, pour faire plier le gouvernement ukrainien.',
    },
    { heading: 'Plus d’aide demandée' },
    {
      paragraph:
        'Les Nations unies ont recensé au moins 726 civils tués, dont 52 enfants, et préviennent que le bilan réel est probablement bien plus lourd.',
    },
    {
      paragraph:
        'Jeudi, des tirs russes ont tué au moins 27 personnes à Merefa, dans la région de Kharkiv, dans le nord-est du pays.',
    },
    {
      paragraph:
        'Le président Volodymyr Zelensky continue de réclamer davantage d’aide aux pays occidentaux pour « arrêter la guerre » et multiplie les interventions par vidéo devant leurs parlements.',
    },
    { portrait: 'zelensky', caption: 'Volodymyr Zelensky s’est adressé jeudi aux députés du Bundestag allemand.' },
    {
      paragraph:
        'Devant le Bundestag, il a de nouveau demandé une zone d’exclusion aérienne, que l’OTAN exclut, davantage d’armes et des sanctions économiques plus dures contre la Russie.',
    },
    {
      paragraph:
        'Mercredi, les États-Unis ont annoncé qu’ils renforceraient leur aide militaire à Kyiv, notamment avec des systèmes de défense antiaérienne capables d’aider les forces ukrainiennes face à l’aviation russe.',
    },
    {
      paragraph:
        'Washington intensifie aussi son offensive diplomatique pour isoler davantage la Russie. Les sanctions déjà en place ont notamment permis de geler une partie des réserves de la banque centrale russe.',
    },
    { heading: 'Le rôle de la Chine' },
    {
      paragraph:
        'Tous les regards se tournent vers Pékin. Juste avant les Jeux olympiques, le président Xi Jinping et Vladimir Poutine avaient signé une longue déclaration commune célébrant une « amitié sans limites » entre leurs deux pays.',
    },
    {
      paragraph:
        'Le président américain Joe Biden devait s’entretenir vendredi avec M. Xi et l’avertir qu’aider Moscou dans la guerre en Ukraine pourrait entraîner des sanctions. Selon le renseignement américain, Pékin serait prêt à fournir des armes à la Russie, qui dément en avoir demandé.',
    },
    {
      paragraph:
        'Frédéric Lasserre, spécialiste de l’Asie à l’Université Laval, doute que la Chine franchisse ce pas maintenant : elle risquerait de « dégrader davantage ses relations avec les pays occidentaux » et de nuire à ses propres intérêts économiques.',
    },
    { portrait: 'xi' },
    {
      paragraph:
        'M. Xi veut préserver ses liens avec Vladimir Poutine et refuse donc de condamner l’invasion, estime le chercheur, mais il a aussi besoin de relations correctes avec les États-Unis et l’Europe pour ses projets de développement, à commencer par les « nouvelles routes de la soie ».',
    },
    {
      paragraph:
        'Officiellement, Pékin accueille les mises en garde de Washington avec hostilité et dit n’avoir aucune leçon de bonne conduite à recevoir. Jeudi, le porte-parole de la diplomatie chinoise Zhao Lijian a semblé rendre les États-Unis responsables de la crise : les pays qui ont soutenu l’élargissement de l’OTAN vers l’est « devraient vraiment se sentir mal à l’aise », a-t-il déclaré.',
    },
    {
      paragraph:
        'Il a aussi raillé l’ampleur des sanctions contre la Russie, affirmant que « même les chats, les chiens et les arbres » du pays étaient visés.',
    },
    {
      paragraph:
        'Ces déclarations visent à montrer que « le pays est complètement souverain » et fixe sa politique ukrainienne sans égard aux souhaits américains, souligne M. Lasserre, ce qui rend la tâche de Washington délicate.',
    },
    {
      paragraph:
        '« Plus ils feront pression sur la Chine pour qu’elle ne livre pas d’armes à la Russie, plus ils l’encourageront à le faire », prévient-il.',
    },
  ],
  factsHeading: 'En savoir plus',
  facts: [
    {
      value: '3000000',
      format: 'compact',
      prefix: 'Plus de',
      label: 'd’Ukrainiens ont fui le pays, en grande majorité vers la Pologne',
      source: 'Agence France-Presse',
      sourceHref: 'https://www.afp.com/',
    },
    {
      value: '108',
      label: 'enfants tués en Ukraine depuis le début de l’invasion russe',
      source: 'Bureau du procureur général d’Ukraine',
      sourceHref: 'https://www.gp.gov.ua/',
    },
    {
      value: '7000',
      label: 'soldats russes tués en trois semaines de combats, selon les estimations du renseignement américain',
      source: 'The New York Times',
      sourceHref: 'https://www.nytimes.com/',
    },
    {
      value: '80',
      format: 'percent',
      label: 'des logements de Marioupol détruits ; la mairie juge la situation « critique », sous des bombardements « ininterrompus »',
      source: 'Estimations de la mairie de Marioupol',
      sourceHref: 'https://mariupol.gov.ua/',
    },
  ],
  followHeading: 'Suivez-nous',
  commentsHeading: 'Commentaires',
  footer: 'Une démonstration de newsroom-elements. Les portraits sont des illustrations provisoires dessinées pour cette démo.',
};
