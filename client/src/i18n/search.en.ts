import type { Twin } from './dictionary';
import type { searchNl } from './search.nl';

export const searchEn: Twin<typeof searchNl> = {
  'search.open': 'Search',
  'search.openHint': 'Search (Ctrl+K)',
  'search.title': 'Search all your workspaces',
  'search.label': 'Search term',
  'search.placeholder': 'For example: participatory budget, housing, Ghent',
  'search.close': 'Close',
  'search.filters': 'Filters',
  'search.anyWorkspace': 'All workspaces',
  'search.anyKind': 'All kinds',
  'search.anyStatus': 'Any status',
  'search.kind': 'Kind',
  'search.status': 'Status',
  'search.workspace': 'Workspace',
  'search.start': 'Type a word to search titles, texts, boards and comments in your workspaces.',
  'search.searching': 'Searching…',
  'search.none': 'Nothing found for "{q}". Try another word or fewer filters.',
  'search.count': { one: '{count} result', other: '{count} results' },
  'search.inComment': 'Comment on {title}',
};
