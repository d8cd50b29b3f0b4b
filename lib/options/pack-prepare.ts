/**
 * Preparing an imported knowledge pack file: size check, JSON parse, validation, and the pack's own index
 * dropped (an index inside the file is never trusted). Pure: no extension APIs, so it runs in a worker and in tests.
 */
import { LIMITS, type KnowledgePack } from '../pack-format/types';
import { PackError, validatePack } from '../pack-format/validate';
import { BUNDLED_PACK_ID } from '../pack-store/bundled-id';
import { WORLD_PACK_ID } from '../pack-store/world-indexes';

export class ImportError extends Error {}

export type Progress = (stage: string, fraction: number) => void;

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Parses and validates a pack file's text. Throws ImportError or PackError naming what is wrong and where. */
export async function preparePack(fileName: string, text: string, byteSize: number, progress: Progress): Promise<KnowledgePack> {
  if (byteSize > LIMITS.packBytes) {
    throw new ImportError(`${fileName}: the file is ${(byteSize / 1048576).toFixed(1)} MB; packs can be at most ${LIMITS.packBytes / 1048576} MB`);
  }
  progress('Reading', 0.1);
  await nextTask();
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ImportError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  progress('Checking', 0.3);
  await nextTask();
  const pack = validatePack(raw, fileName);
  if (pack.id === BUNDLED_PACK_ID || pack.id === WORLD_PACK_ID) throw new PackError(fileName, 'pack, field "id"', `"${pack.id}" is the id of a bundled pack; give your pack its own id`);
  // An index inside the file is never trusted or kept: the installer builds the page-side index.
  delete pack.index;
  return pack;
}

