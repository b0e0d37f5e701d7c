// Page entry: polyfills first (rhea needs Buffer/process), then the saved document, then the app.
import './polyfills.ts';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/nodes.css';
import './styles/inspector.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { restoreSaved, startAutosave } from './store/autosave.ts';

restoreSaved(localStorage);
startAutosave(localStorage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
