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
import { EmbedApp, loadEmbedFlow } from './presenter/EmbedApp.tsx';
import { isEmbed } from './presenter/mode.ts';

// The embeddable view shows the flow in its address and never touches the editor's saved document.
const embed = isEmbed();
const embedProblems = embed ? loadEmbedFlow() : null;
if (!embed) {
  restoreSaved(localStorage);
  startAutosave(localStorage);
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {embed ? <EmbedApp problems={embedProblems} /> : <App />}
  </StrictMode>,
);
