/** Writes generated/ui-messages.en.json from locales/en.yml (see lib/i18n/english-messages.ts). */
import { writeFileSync } from 'node:fs';
import { englishMessages } from '../lib/i18n/english-messages';

writeFileSync('generated/ui-messages.en.json', `${JSON.stringify(await englishMessages(), null, 1)}\n`);
