import { launchExtension } from '../support/browser';
import { startServer } from '../support/server';
import { hugePage } from '../support/pages';
const s = await startServer(); s.route('/h.html', hugePage(5));
const b = await launchExtension();
const p = await b.context.newPage(); await p.goto(s.url('/h.html'));
for (let i = 0; i < 400 && !b.logs.some((l) => l.includes('longest slice')); i++) await p.waitForTimeout(100);
console.log(b.logs.slice(-5).join('\n'));
await b.close(); await s.close();
