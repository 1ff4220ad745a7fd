/** Strings of "Wie weet wat", in Dutch (Flemish usage); the English twin must have the same keys. */
export const peopleNl = {
  'people.nav': 'Wie weet wat',
  'people.title': 'Wie weet wat',
  'people.intro': 'De mensen met wie je een werkruimte deelt, met de thema\'s waarrond ze werkten. Zo blijft het netwerk, ook als iemand vertrekt.',
  'people.searchLabel': 'Zoek op naam, stad of thema',
  'people.searchPlaceholder': 'Bijvoorbeeld: wonen, Gent, burgerbegroting',
  'people.none': 'Niemand gevonden voor "{q}". Probeer een ander thema of een andere stad.',
  'people.empty': 'Nog niemand om te tonen. Nodig mensen uit in een werkruimte; wie meewerkt, verschijnt hier.',
  'people.themes': 'Thema\'s',
  'people.recent': 'Recent werk',
  'people.filterTheme': 'Toon wie werkte rond {tag}',
  'people.noWork': 'Nog geen bijdragen in je gedeelde werkruimtes.',
} as const;
