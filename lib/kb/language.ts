/** A text's language by tinyld, kept apart from the parser so reading a corpus does not load compromise. */
import { detect } from 'tinyld';

/** Below this, a language detector guesses; a document this short takes its file's language. */
export const LANGUAGE_MIN_CHARS = 200;
const LANGUAGE_SAMPLE_CHARS = 600;

/** The language of a text from a sample long enough to tell: an ISO 639-1 code, or '' when unsure. */
export function languageOf(text: string): string {
  return text.length < LANGUAGE_MIN_CHARS ? '' : detect(text.slice(0, LANGUAGE_SAMPLE_CHARS));
}
