// The page's entry, tiny on purpose: it starts the simulator worker and asks it to boot the cluster,
// then loads the UI (React, xterm, the app) while the cluster boots on another thread. The
// connection adopts the running worker.
import { prespawnSimulator } from '../worker';
// Not through store/index: this entry must stay tiny (no zustand, no React).
import { bootParams } from './store/boot-params';

prespawnSimulator({ ...bootParams(location.search), epoch: Date.now() });
void import('./app-entry');
