/** Strings of the activity list's filters and grouped lines, in Dutch (Flemish usage). */
export const activityNl = {
  'activity.filter': 'Toon',
  'activity.filter.all': 'Alles',
  'activity.filter.comments': 'Opmerkingen',
  'activity.filter.status': 'Statuswijzigingen',
  'activity.filter.people': 'Mensen',
  'activity.filterEmpty': 'Hier is nog niets van te zien. Kies "Alles" om alle activiteit te tonen.',
  'activity.edits': { one: '{actor} werkte {count} document bij', other: '{actor} werkte {count} documenten bij' },
  'activity.editsOne': { one: '{actor} werkte {title} bij', other: '{actor} werkte {title} bij ({count} keer)' },
  'activity.newSummary': { one: '{count} nieuwe activiteit', other: '{count} nieuwe activiteiten' },
} as const;
