// Page entry: polyfills first (rhea needs Buffer/process), then the saved document, then the app.
import './polyfills.ts';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/app.css';
import './styles/nodes.css';
import './styles/inspector.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { restoreSaved, startAutosave } from './store/autosave.ts';
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
  restoreSaved(localStorage);
  startAutosave(localStorage);
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
