/** Where learned names live, for code that must not load the store to know it (content scripts). */
export const LEARNED_PACK_ID = 'learned-from-reading';
/** storage.local key of the learned names' index (base64), absent when none is learned. */
export const LEARNED_INDEX_KEY = 'learnedindex';
/** storage.local key of the last learning run's numbers (LearnReport), shown on the options page. */
export const LEARN_REPORT_KEY = 'learnreport';

export interface LearnReport {
  articles: number;
  names: number;
  ms: number;
  /** True while the run goes on (the numbers are so far). */
  more: boolean;
  /** When it ended (ms since the epoch) and where it ran. */
  at: number;
  where: string;
}
