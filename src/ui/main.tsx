import { createRoot } from 'react-dom/client';

// Placeholder shell until the app lands (issue 8): the build and `npm start` work from day one.
function App() {
  return <main style={{ fontFamily: 'system-ui', padding: 24 }}><h1>kubesim</h1><p>Loading the cluster…</p></main>;
}

createRoot(document.getElementById('root')!).render(<App />);
