/** Reads curated entity entries (corpus/entities/*.json) with the pack validator's checks. */
import { Checker, checkEntity, checkUniqueness, entityWhere } from '../pack-format/validate';
import { ALIAS_FIELDS, type PackEntity } from '../pack-format/types';

const CURATED_FIELDS = ['id', 'name', 'type', ...ALIAS_FIELDS, 'summary', 'facts', 'url', 'languages', 'sameAs'];
const CURATED_REQUIRED = ['id', 'name', 'type', 'summary'];

export interface CuratedFile {
  name: string;
  text: string;
}

export function parseCuratedFiles(files: readonly CuratedFile[]): PackEntity[] {
  const entities: PackEntity[] = [];
  for (const file of files) {
    const c = new Checker(file.name);
    let data: unknown;
    try {
      data = JSON.parse(file.text);
    } catch (error) {
      c.fail('file', `is not valid JSON (${(error as Error).message})`);
    }
    const list = Array.isArray(data) ? data : [data];
    list.forEach((raw, i) => {
      const where = entityWhere(raw, i);
      c.object(raw, where, CURATED_FIELDS, CURATED_REQUIRED);
      entities.push(checkEntity(c, raw, where));
    });
  }
  // Uniqueness is checked across all files; the error names the entity and alias, which identify the file.
  checkUniqueness(new Checker(files.map((f) => f.name).join(', ') || 'curated entries'), entities);
  return entities;
}
