import type { Twin } from './dictionary';
import type { activityNl } from './activity.nl';

export const activityEn: Twin<typeof activityNl> = {
  'activity.filter': 'Show',
  'activity.filter.all': 'Everything',
  'activity.filter.comments': 'Comments',
  'activity.filter.status': 'Status changes',
  'activity.filter.people': 'People',
  'activity.filterEmpty': 'Nothing of this kind yet. Choose "Everything" to see all activity.',
  'activity.edits': { one: '{actor} updated {count} document', other: '{actor} updated {count} documents' },
  'activity.editsOne': { one: '{actor} updated {title}', other: '{actor} updated {title} ({count} times)' },
  'activity.newSummary': { one: '{count} new activity item', other: '{count} new activity items' },
};
