/** What each entity type is called in the UI, in its language: one name for one thing, a group name for lists of them. */
import { i18n } from '../i18n/t';
import type { EntityType } from './types';

export function typeName(type: EntityType): string {
  return i18n.t(`type.${type}`);
}

export function typeGroup(type: EntityType): string {
  return i18n.t(`group.${type}`);
}
