import { render } from 'preact';
import { Options, type OptionsProps } from '../../components/Options';
import '../../components/ui.css';
import '../../components/options.css';
import { exportPackText, installPack, preparePack, removePack } from '../../lib/options/pack-import';
import { parseSettingsFile, settingsFileText } from '../../lib/options/settings-file';
import { BUNDLED_PACK } from '../../lib/packs/bundled';
import { listPacks } from '../../lib/packs/store';
import { defaultSettings, type Settings } from '../../lib/settings/schema';
import { createSettingsWriter, loadSettings, watchSettings } from '../../lib/settings/store';

const root = document.getElementById('app') as HTMLElement;
const writer = createSettingsWriter();
const lifetime = new AbortController();
addEventListener('pagehide', () => {
  void writer.flush();
  lifetime.abort();
});

let settings: Settings = defaultSettings();
let packs: OptionsProps['packs'] = [];
let brokenPacks: string[] = [];
let muteRequest: OptionsProps['muteRequest'] = null;
let importState: OptionsProps['importState'] = { busy: false, stage: '', fraction: 0, error: '', message: '' };

function muteFromHash(): OptionsProps['muteRequest'] {
  const match = /^#mute=(.+)$/.exec(location.hash);
  if (!match?.[1]) return null;
  const key = decodeURIComponent(match[1]);
  const [packId, entityId] = key.split('/');
  const name = packId === BUNDLED_PACK.id ? BUNDLED_PACK.entities.find((e) => e.id === entityId)?.name : undefined;
  return { key, name: name ?? entityId ?? key };
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
  settings = next;
  writer.save(next);
  draw();
}

async function refreshPacks(): Promise<void> {
  const listed = await listPacks();
  packs = listed.packs;
  brokenPacks = listed.broken;
  draw();
}

function draw(): void {
  render(
    <Options
      settings={settings}
      packs={packs}
      brokenPacks={brokenPacks}
      muteRequest={muteRequest}
      importState={importState}
      onChange={update}
      onDismissMute={() => {
        muteRequest = null;
        history.replaceState(null, '', location.pathname);
        draw();
      }}
      onImportPack={(file) => void importPack(file)}
      onRemovePack={(id) => void removePack(id).then(refreshPacks)}
      onExportPack={(id) => void exportPackText(id).then((text) => download(`${id}.pack.json`, text))}
      onExportSettings={() => download('backstory-settings.json', settingsFileText(settings))}
      onImportSettings={(file) => void importSettings(file)}
      onReset={() => {
        if (confirm('Reset every Backstory setting to its default? Imported knowledge packs stay installed.')) update(defaultSettings());
      }}
    />,
    root,
  );
}

async function importPack(file: File): Promise<void> {
  importState = { busy: true, stage: 'Reading', fraction: 0, error: '', message: '' };
  draw();
  try {
    const text = file.size > 20 * 1024 * 1024 ? '' : await file.text();
    const pack = await preparePack(file.name, text, file.size, (stage, fraction) => {
      importState = { ...importState, stage, fraction };
      draw();
    });
    await installPack(pack);
    importState = { busy: false, stage: '', fraction: 1, error: '', message: `Imported "${pack.name}" with ${pack.entities.length} entities.` };
  } catch (error) {
    importState = { busy: false, stage: '', fraction: 0, error: `Not imported: ${(error as Error).message}`, message: '' };
  }
  await refreshPacks();
}

async function importSettings(file: File): Promise<void> {
  try {
    const next = parseSettingsFile(file.name, await file.text());
    update(next);
    importState = { ...importState, error: '', message: `Settings imported from ${file.name}.` };
  } catch (error) {
    importState = { ...importState, error: `Settings not imported: ${(error as Error).message}`, message: '' };
  }
  draw();
}

async function main(): Promise<void> {
  settings = await loadSettings();
  muteRequest = muteFromHash();
  watchSettings((next) => {
    settings = next;
    draw();
  }, lifetime.signal);
  await refreshPacks();
}

void main();
