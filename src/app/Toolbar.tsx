// The toolbar: run controls, undo/redo, import/export, templates and auto layout (contracts §4 names),
// then the features' items (src/app/features.ts) in their slot.
import { Suspense, useRef, useState, type ChangeEvent } from 'react';
import type { MissingSecret } from '../graph/secrets.ts';
import { TEMPLATE_LIST, loadTemplates, templateGraph, type TemplateEntry } from '../graph/templateList.ts';
import { redo, undo, useDocument } from '../store/documentStore.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { startRun, stepRun, stopRun, useRunControl, useRunStatus } from '../store/runController.ts';
import { autoLayout, replaceDocument } from '../store/actions.ts';
import { importFile } from '../store/fileIO.ts';
import { loadFlow, runWhenFlowLoaded, useFlowLoad } from '../store/flowLoad.ts';
import { documentMissingSecrets } from '../store/secretActions.ts';
import { lazyWhenIdle, whenIdle } from '../ui/lazyWhenIdle.ts';
import { Menu, MenuItem } from '../ui/Menu.tsx';
import { ExportButton } from './ExportButton.tsx';
import { FeatureSlot } from './FeatureSlot.tsx';
import { useToolbarOffset } from './useToolbarOffset.ts';

/** A 16×16 filled glyph; decorative, the button's text is its name. */
function Icon({ d }: { d: string }) {
  return (
    <svg className="btn__icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} fill="currentColor" />
    </svg>
  );
}

const STATUS_WORDS = { idle: 'Idle', running: 'Running', stopping: 'Stopping…' } as const;

async function run() {
  const problems = await startRun();
  if (problems.length) {
    notify('error', 'The flow cannot run yet: fix these first.', problems.map(describeProblem));
  }
}

const MissingSecretsDialog = lazyWhenIdle(() => import('./MissingSecretsDialog.tsx').then((m) => ({ default: m.MissingSecretsDialog })));

// The flows load after the first paint (only their names are in the first bundle).
whenIdle(() => loadTemplates());

/** Its flow loads when picked: a Run pressed meanwhile waits for it (src/store/flowLoad.ts). */
const loadTemplate = (t: TemplateEntry) =>
  loadFlow(t.name, async (isNewest) => {
    try {
      const graph = await templateGraph(t.id);
      if (isNewest()) replaceDocument(graph);
      return isNewest();
    } catch (err) {
      notify('error', `The template "${t.name}" could not be loaded. The flow is unchanged.`, [String(err)]);
      return false;
    }
  });

function TemplatesMenu() {
  return (
    <Menu label="Templates">
      {(close) =>
        TEMPLATE_LIST.map((t) => (
          <MenuItem
            key={t.id}
            title={t.name}
            help={t.description}
            onSelect={() => {
              close();
              void loadTemplate(t);
            }}
          />
        ))
      }
    </Menu>
  );
}

export function Toolbar() {
  const name = useDocument((s) => s.graph.name);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const status = useRunStatus();
  const nextHeld = useRunControl((s) => s.nextHeld);
  const stepping = useRunControl((s) => s.stepMode && s.status === 'running');
  const fileInput = useRef<HTMLInputElement>(null);
  const bar = useRef<HTMLElement>(null);
  useToolbarOffset(bar);
  // a flow saved without its secrets asks for them before it runs
  const [missing, setMissing] = useState<{ secrets: MissingSecret[]; start: () => void } | null>(null);
  /** Starts a run (or a stepped one) once the flow has every secret it needs. */
  const withSecrets = (start: () => void) => {
    const needed = documentMissingSecrets();
    if (needed.length) setMissing({ secrets: needed, start });
    else start();
  };
  const loading = useFlowLoad((s) => s.loading);
  const runWaiting = useFlowLoad((s) => s.runWaiting);
  /** Run (or Step from idle) pressed while a flow loads waits for it and runs it; a failed load runs nothing. */
  const whenLoaded = (start: () => void) => void runWhenFlowLoaded().then((ready) => ready && withSecrets(start));
  const onRun = () => whenLoaded(() => void run());
  const loadingWords = loading && status === 'idle' ? (runWaiting ? 'Loading flow… then Run' : 'Loading flow…') : null;

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again still imports it
    if (file) void importFile(file);
  };

  return (
    <header className="toolbar" ref={bar}>
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true" title="AMQP Flow" />
        <span className="toolbar__name">AMQP Flow</span>
        <span className="toolbar__doc" title={name}>
          {name}
        </span>
      </div>
      <div className="toolbar__group">
        <button type="button" className="btn btn--primary" disabled={status !== 'idle' || runWaiting} onClick={onRun} title={loading ? `Loading flow “${loading}”: Run waits for it, then runs it` : undefined}>
          <Icon d="M4 2.5v11l9-5.5z" />Run
        </button>
        <button type="button" className="btn" disabled={status !== 'running'} onClick={() => void stopRun()}>
          <Icon d="M3.5 3.5h9v9h-9z" />Stop
        </button>
        <button type="button" className="btn" disabled={status === 'stopping'} onClick={() => (status === 'idle' ? whenLoaded(() => void stepRun()) : void stepRun())} title={nextHeld ?? 'Run one frame at a time'}>
          <Icon d="M3 3v10l7-5zM11 3h2v10h-2z" />Step
        </button>
        <FeatureSlot part="run" />
        <span className={`run-status${stepping ? ' run-status--stepping' : ''}${loadingWords ? ' run-status--loading' : ''}`} role="status" aria-label="Run status" title={stepping ? 'Each press of Step sends one frame; Stop ends the stepping run' : loading ?? undefined}>
          {stepping ? 'Stepping' : (loadingWords ?? STATUS_WORDS[status])}
        </span>
      </div>
      <div className="toolbar__group">
        <button type="button" className="btn" disabled={!canUndo} onClick={undo} title="Undo (Ctrl+Z)">
          Undo
        </button>
        <button type="button" className="btn" disabled={!canRedo} onClick={redo} title="Redo (Ctrl+Shift+Z)">
          Redo
        </button>
      </div>
      <div className="toolbar__group">
        <TemplatesMenu />
        <button type="button" className="btn" onClick={() => void autoLayout()}>
          Auto layout
        </button>
      </div>
      <div className="toolbar__spacer" />
      <div className="toolbar__group">
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} title="Open a .amqpflow.json file (or drop it on the page)">
          Import
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label="Flow file to import"
          data-testid="import-file"
          onChange={onFile}
        />
        <ExportButton />
        <FeatureSlot part="toolbar" />
      </div>
      {missing && (
        <Suspense fallback={null}>
          <MissingSecretsDialog
            missing={missing.secrets}
            onClose={() => setMissing(null)}
            onRun={() => {
              setMissing(null);
              missing.start();
            }}
          />
        </Suspense>
      )}
    </header>
  );
}
