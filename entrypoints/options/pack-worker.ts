// Validating, indexing and storing a large pack takes a second or more: done here, the options page stays responsive.
import { preparePack } from '../../lib/options/pack-prepare';
import { summarize } from '../../lib/pack-store/summary';
import { putPackDetails } from '../../lib/pack-store/details-db';
import { base64FromBytes } from '../../lib/spot/base64';
import { encodePackIndex } from '../../lib/spot/pack-index';
import type { KnowledgePack } from '../../lib/pack-format/types';
import type { WorkerReply, WorkerRequest } from '../../lib/options/pack-worker-protocol';

const reply = (message: WorkerReply): void => postMessage(message);
let prepared: KnowledgePack | null = null;

async function handle(request: WorkerRequest): Promise<void> {
  if (request.type === 'prepare') {
    prepared = await preparePack(request.name, request.text, request.size, (stage, fraction) => reply({ type: 'progress', stage, fraction }));
    reply({ type: 'prepared', summary: summarize(prepared, false) });
    return;
  }
  if (!prepared) throw new Error('no pack has been prepared');
  reply({ type: 'progress', stage: 'Indexing', fraction: 0.7 });
  const index = base64FromBytes(encodePackIndex(prepared));
  reply({ type: 'progress', stage: 'Saving', fraction: 0.85 });
  await putPackDetails(prepared);
  reply({ type: 'installed', index });
}

addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  handle(event.data).catch((error: unknown) => reply({ type: 'error', message: (error as Error).message }));
});
