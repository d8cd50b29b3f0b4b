// Validating and indexing a large pack takes a second or more: done here, the options page stays responsive.
import { preparePack } from '../../lib/options/pack-prepare';
import { summarize } from '../../lib/pack-store/summary';
import type { PrepareReply, PrepareRequest } from '../../lib/options/pack-worker-protocol';

const reply = (message: PrepareReply): void => postMessage(message);

addEventListener('message', (event: MessageEvent<PrepareRequest>) => {
  const { name, text, size } = event.data;
  preparePack(name, text, size, (stage, fraction) => reply({ type: 'progress', stage, fraction }))
    .then((pack) => reply({ type: 'done', json: JSON.stringify(pack), summary: summarize(pack, false) }))
    .catch((error: unknown) => reply({ type: 'error', message: (error as Error).message }));
});
