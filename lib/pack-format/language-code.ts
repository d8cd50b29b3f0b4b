/**
 * A language as packs, pages and facts name it: a primary language subtag of two or three lowercase letters
 * ("fr", "pt", "fil"). One rule, so a code a pack may carry is a code a page may ask for.
 */
export const LANGUAGE_CODE = /^[a-z]{2,3}$/;

export const isLanguageCode = (value: unknown): value is string => typeof value === 'string' && LANGUAGE_CODE.test(value);
