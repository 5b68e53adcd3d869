// The page's entry: theme first (no flash), then the worker starts booting the cluster while React
// renders the shell, so the first prompt appears as soon as both are done.
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
