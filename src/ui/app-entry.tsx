// The UI proper, loaded by main.ts once the simulator is already booting: theme, the connection
// (which adopts the running worker) and React.
import { createRoot } from 'react-dom/client';
import './theme/theme.css';
import { getConnection, useUi, useCluster } from './store';
import { App } from './app';
import { hooks } from './features/terminal';

document.documentElement.dataset.theme = useUi.getState().theme;
const connection = getConnection();
connection.start();
Object.assign(hooks(), { connection, cluster: useCluster, ui: useUi });
createRoot(document.getElementById('root')!).render(<App />);
