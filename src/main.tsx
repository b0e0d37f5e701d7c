// Page entry: the saved document, then the app. (rhea's Node globals come with the engine's chunk.)
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/nodes.css';
import './styles/inspector.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { hasSavedDocument, startAutosave } from './store/autosave.ts';
import { isEmbed } from './presenter/mode.ts';
import { probeEmbeddedBroker } from './store/embeddedBroker.ts';

// Test hooks (src/testHooks.ts) never load unless a browser test or benchmark asks for them first.
if (localStorage.getItem('amqpFlowTestHooks') !== null) {
  void import('./testHooks.ts').then((m) => m.installRunTestHooks());
}

const root = createRoot(document.getElementById('root')!);
void probeEmbeddedBroker();

if (isEmbed()) {
  // The embeddable view shows the flow in its address and never touches the editor's saved document.
  // It is its own chunk (with the event log it shows), so the editor's first bundle doesn't carry it.
  void import('./app/EmbedApp.tsx').then(({ EmbedApp, loadEmbedFlow }) => {
    const problems = loadEmbedFlow();
    root.render(
      <StrictMode>
        <EmbedApp problems={problems} />
      </StrictMode>,
    );
  });
} else {
  // A first visit has nothing to restore, so the file parser (and its schema library) stays out of the
  // first bundle; a saved document is restored, with the parser's chunk, before the first render.
  const restored = hasSavedDocument(localStorage)
    ? import('./store/restoreSaved.ts').then((m) => void m.restoreSaved(localStorage, sessionStorage), (err: unknown) => console.error(err))
    : Promise.resolve();
  void restored.then(() => {
    startAutosave(localStorage, undefined, sessionStorage);
    root.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
