import { Hono } from 'hono';
import { ENGINE_VERSION } from '../src/index.ts';

/** The Worker entry. The API grows here (issue: edge API); for now it only reports health. */
const app = new Hono();
app.get('/api/health', (c) => c.json({ ok: true, engine: ENGINE_VERSION }));

export default app;
