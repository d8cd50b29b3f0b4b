/** What the card calls a quoted document that has no title of its own: "Headline" or "Article", in the UI language. */
import type { NewsGroup } from '../pack-format/news-groups';
import { i18n } from './t';

export function newsKind(group: NewsGroup): string {
  if (group.kind === 'headline') return i18n.t('card.headline');
  if (group.kind === 'article') return i18n.t('card.article');
  return '';
}
