/** What each entity type is called in the UI: one name for one thing, a group name for lists of them. */
import type { EntityType } from './types';

export const TYPE_NAME: Readonly<Record<EntityType, string>> = {
  person: 'Person', country: 'Country', city: 'City', region: 'Region', place: 'Place',
  organization: 'Organization', concept: 'Idea', event: 'Event', thing: 'Thing',
};

export const TYPE_GROUP: Readonly<Record<EntityType, string>> = {
  person: 'People', country: 'Countries', city: 'Cities', region: 'Regions', place: 'Places',
  organization: 'Organizations', concept: 'Ideas', event: 'Events', thing: 'Things',
};
