/**
 * The bundled pack's id, read from the corpus description it is built from, so code that only needs the id
 * (the import worker refusing a pack that reuses it) does not bundle the pack.
 */
import corpus from '../../corpus/seed/corpus.json';

export const BUNDLED_PACK_ID: string = corpus.id;
