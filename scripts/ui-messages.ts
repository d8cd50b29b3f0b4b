/**
 * Writes generated/ui-messages.en.json from locales/en.yml (see lib/i18n/english-messages.ts), and
 * generated/ui-locales.json: the _locales folders the extension ships (one per locales/*.yml).
 */
import { writeFileSync } from 'node:fs';
import { englishMessages, shippedLocaleFolders } from '../lib/i18n/english-messages';

writeFileSync('generated/ui-messages.en.json', `${JSON.stringify(await englishMessages(), null, 1)}\n`);
writeFileSync('generated/ui-locales.json', `${JSON.stringify(shippedLocaleFolders())}\n`);
