/** The knowledge pack built by `npm run kb` and shipped inside the extension. */
import type { KnowledgePack } from '../pack-format/types';
import bundledJson from '../../generated/backstory-news.pack.json';

export const BUNDLED_PACK = bundledJson as unknown as KnowledgePack;
