import type { Twin } from './dictionary';
import type { peopleNl } from './people.nl';

export const peopleEn: Twin<typeof peopleNl> = {
  'people.nav': 'Who knows what',
  'people.title': 'Who knows what',
  'people.intro': 'The people you share a workspace with, and the themes they worked on. The network stays, even when someone leaves.',
  'people.searchLabel': 'Search by name, city or theme',
  'people.searchPlaceholder': 'For example: housing, Ghent, participatory budget',
  'people.none': 'Nobody found for "{q}". Try another theme or city.',
  'people.empty': 'Nobody to show yet. Invite people to a workspace; whoever contributes appears here.',
  'people.themes': 'Themes',
  'people.recent': 'Recent work',
  'people.filterTheme': 'Show who worked on {tag}',
  'people.noWork': 'No contributions in your shared workspaces yet.',
};
