import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LEARN_REPORT_KEY, type LearnReport } from '../../lib/reading/learned-keys';
import { Options, type OptionsProps } from '../../components/Options';
import '../../components/ui.css';
import '../../components/options.css';
import { collectOrphanPacks, exportPackText, installPack, removePack } from '../../lib/options/pack-import';
import { PackWorker } from '../../lib/options/pack-worker-client';
import { describeNonJson, notAPackMessage } from '../../lib/options/file-kind';
import { importStage, removePackQuestion, replacePackQuestion } from '../../lib/options/pack-questions';
import { parseSettingsFile, settingsFileText } from '../../lib/options/settings-file';
import { entityKey, parseEntityKey } from '../../lib/pack-format/entity-key';
import { readShortcut, type ShortcutInfo } from '../../lib/extension/shortcut';
import { LIMITS } from '../../lib/pack-format/types';
import { BUNDLED_PACK } from '../../lib/pack-store/bundled';
import { listPacks } from '../../lib/pack-store/store';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { extensionPageSettings } from '../../lib/settings/extension-page';
import { loadSettings } from '../../lib/settings/store';
import { deleteArticle, exportArticles, forgetEntity, forgetEverything, importArticles, readArticles, readEntities, readingStats } from '../../lib/reading/reading-db';
import { chooseLearned, learnedNames } from '../../lib/reading/learned-db';
import { publishLearnedIndex } from '../../lib/reading/learned-pack';
import { applyReadingLimits } from '../../lib/reading/reading-service';
import { parseReadingFile, READING_FILE_MAX_BYTES, readingFileText } from '../../lib/reading/reading-file';
import { formatCount, uiLocale } from '../../lib/i18n/ui-locale';
import { ensureMessages, i18n } from '../../lib/i18n/t';

// The page speaks the browser's language (locales/); screen readers pronounce it as such.
document.documentElement.lang = uiLocale();

const root = document.getElementById('app') as HTMLElement;
const { writer, signal, watch } = extensionPageSettings(window);

let settings: Settings = defaultSettings();
let packs: OptionsProps['packs'] = [];
let importState: OptionsProps['importState'] = { busy: false, stage: '', fraction: 0, error: '', message: '' };
let shortcut: ShortcutInfo | null = null;
let settingsFileState: OptionsProps['settingsFileState'] = { error: '', message: '' };
let reading: OptionsProps['reading'] = null;

async function lastLearnReport(): Promise<LearnReport | null> {
  const stored = (await browser.storage.local.get(LEARN_REPORT_KEY))[LEARN_REPORT_KEY] as Partial<LearnReport> | undefined;
  const ok = stored && typeof stored.articles === 'number' && typeof stored.ms === 'number' && typeof stored.at === 'number' && typeof stored.where === 'string';
  return ok ? (stored as LearnReport) : null;
}

/** Reads reading memory again and shows it, with what the last action did (or why it failed). */
async function refreshReading(message = '', error = ''): Promise<void> {
  try {
    const [stats, byEntity, recent, learned, lastRun] = await Promise.all([readingStats(), readEntities(), readArticles(undefined, 20), learnedNames(), lastLearnReport()]);
    reading = { ...stats, byEntity, recent, learned, lastRun, message, error };
  } catch (failure) {
    reading = { articles: 0, entities: 0, sentences: 0, bytes: 0, byEntity: [], recent: [], learned: [], lastRun: null, message: '', error: i18n.t('reading.couldNotRead', { error: (failure as Error).message }) };
  }
  draw();
}

/** Runs a change to reading memory, then shows the store as it is after it (and what the change adds to say). */
function readingChange(run: () => Promise<unknown>, done: string): void {
  run().then(
    (more) => refreshReading(typeof more === 'string' ? done + more : done),
    (error: unknown) => refreshReading('', i18n.t('reading.nothingChanged', { error: (error as Error).message })),
  );
}

const readingActions: OptionsProps['readingActions'] = {
  onForgetAll: () => {
    if (confirm(i18n.t('readingDone.confirmForgetAll'))) readingChange(forgetEverything, i18n.t('readingDone.forgotAll'));
  },
  onForgetEntity: (entity) => {
    if (confirm(i18n.t('readingDone.confirmForgetEntity', { name: entityName(entity) }))) readingChange(() => forgetEntity(entity), i18n.t('readingDone.forgotEntity', { name: entityName(entity) }));
  },
  onDeleteArticle: (url) => readingChange(() => deleteArticle(url), i18n.t('readingDone.deleted')),
  onExport: () => void exportArticles().then((articles) => download('backstory-reading.json', readingFileText(articles))),
  onImport: (file) =>
    readingChange(async () => {
      if (file.size > READING_FILE_MAX_BYTES) throw new Error(`${file.name} is larger than ${READING_FILE_MAX_BYTES / 1_048_576} MB`);
      const articles = parseReadingFile(file.name, await file.text(), Date.now());
      await importArticles(articles);
      const gone = await applyReadingLimits(settings);
      return gone > 0 ? i18n.t('readingDone.notKeptImport', { count: formatCount(gone) }) : '';
    }, i18n.t('readingDone.imported', { file: file.name })),
  onLearned: (key, choice) =>
    readingChange(async () => {
      await chooseLearned(key, choice);
      // Pages match learned names from this index: rebuilt at once, so open pages follow the choice.
      await publishLearnedIndex();
    }, i18n.t('readingDone.choiceSaved')),
};

const bundledNames = new Map(BUNDLED_PACK.entities.map((e) => [entityKey(BUNDLED_PACK.id, e.id), e.name]));
const mergeTargets = [...bundledNames].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));

function entityName(key: string): string {
  const parsed = parseEntityKey(key);
  return bundledNames.get(key) ?? (parsed ? `${parsed.entityId} (${parsed.packId})` : key);
}

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function update(next: Settings): void {
  const limitsChanged = next.readingRetentionDays !== settings.readingRetentionDays || next.readingCapMB !== settings.readingCapMB;
  settings = next;
  writer.save(next);
  draw();
  // A shorter retention or a smaller cap applies at once, not at the next article read.
  if (limitsChanged) {
    readingChange(async () => {
      const gone = await applyReadingLimits(next);
      return gone > 0 ? i18n.t('readingDone.olderForgotten', gone, [formatCount(gone)]) : '';
    }, i18n.t('readingDone.limitsSaved'));
  }
}

async function refreshPacks(): Promise<void> {
  packs = await listPacks();
  draw();
}

function draw(): void {
  render(
    <Options
      settings={settings}
      packs={packs}
      importState={importState}
      settingsFileState={settingsFileState}
      onChange={update}
      entityName={entityName}
      shortcut={shortcut}
      reading={reading}
      readingActions={readingActions}
      mergeTargets={mergeTargets}
      onImportPack={(file) => void importPack(file)}
      onRemovePack={(id) => {
        const pack = packs.find((p) => p.id === id);
        if (pack && confirm(removePackQuestion(pack))) void removePack(id).then(refreshPacks);
      }}
      onExportPack={(id) => void exportPackText(id).then((text) => download(`${id}.pack.json`, text))}
      onExportSettings={() => download('backstory-settings.json', settingsFileText(settings))}
      onImportSettings={(file) => void importSettings(file)}
      onReset={() => {
        if (!confirm(i18n.t('packMsg.resetQuestion'))) return;
        settingsFileState = { error: '', message: i18n.t('packMsg.resetDone') };
        update(defaultSettings());
      }}
    />,
    root,
  );
}

async function importPack(file: File): Promise<void> {
  importState = { busy: true, stage: importStage('Reading'), fraction: 0, error: '', message: '' };
  draw();
  const worker = new PackWorker(new Worker(new URL('./pack-worker.ts', import.meta.url), { type: 'module' }), (stage, fraction) => {
    importState = { ...importState, stage: importStage(stage), fraction };
    draw();
  });
  try {
    const kind = describeNonJson(new Uint8Array(await file.slice(0, 64).arrayBuffer()));
    if (kind) throw new Error(notAPackMessage(file.name, kind));
    const text = file.size > LIMITS.packBytes ? '' : await file.text();
    const summary = await worker.prepare({ name: file.name, text, size: file.size });
    const installed = packs.find((p) => p.id === summary.id);
    if (installed && !confirm(replacePackQuestion(installed, summary))) {
      importState = { busy: false, stage: '', fraction: 0, error: '', message: i18n.t('packMsg.keptAsItWas', { name: installed.name }) };
      await refreshPacks();
      return;
    }
    await installPack(summary, () => worker.install());
    const done = { name: summary.name, count: formatCount(summary.entities) };
    importState = { busy: false, stage: '', fraction: 1, error: '', message: installed ? i18n.t('packMsg.replaced', done) : i18n.t('packMsg.imported', done) };
  } catch (error) {
    importState = { busy: false, stage: '', fraction: 0, error: i18n.t('packMsg.notImported', { error: (error as Error).message }), message: '' };
  } finally {
    worker.terminate();
  }
  await refreshPacks();
}

async function importSettings(file: File): Promise<void> {
  try {
    const { settings: next, skipped } = parseSettingsFile(file.name, await file.text());
    update(next);
    const where = (await writer.flush()) === 'local-only' ? i18n.t('packMsg.localOnly') : '';
    const left = skipped.map((s) => i18n.t('packMsg.invalidEntries', { count: formatCount(s.count), list: s.list })).join(', ');
    settingsFileState = { error: '', message: i18n.t('packMsg.settingsImported', { file: file.name }) + where + (left ? i18n.t('packMsg.leftOut', { what: left }) : '') };
  } catch (error) {
    settingsFileState = { error: i18n.t('packMsg.settingsNotImported', { error: (error as Error).message }), message: '' };
  }
  draw();
}

async function main(): Promise<void> {
  await ensureMessages();
  settings = await loadSettings();
  void readShortcut().then((info) => {
    shortcut = info;
    draw();
  });
  watch((next) => {
    settings = next;
    draw();
  });
  // A learning run that ends while this page is open shows here at once.
  const onStorage = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && LEARN_REPORT_KEY in changes) void refreshReading();
  };
  browser.storage.onChanged.addListener(onStorage);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(onStorage), { once: true });
  await collectOrphanPacks().catch(() => []);
  await refreshPacks();
  await refreshReading();
}

void main();
