// The toolbar: run controls, undo/redo, import/export, templates and auto layout (contracts §4 names).
import { lazy, Suspense, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { TEMPLATES } from '../graph/templates.ts';
import { redo, undo, useDocument } from '../store/documentStore.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { startRun, stepRun, stopRun, useRunControl, useRunStatus } from '../store/runController.ts';
import { autoLayout, replaceDocument } from './actions.ts';
import { exportDocument, importFile } from './fileIO.ts';

// Share, Export code, Compare, Present and their dialogs (the code generators among them) load just
// after the first paint.
const ShareButtons = lazy(() => import('../share/ShareButtons.tsx').then((m) => ({ default: m.ShareButtons })));
const ToolbarExtras = lazy(() => import('../presenter/ToolbarExtras.tsx').then((m) => ({ default: m.ToolbarExtras })));
const FaultsMenu = lazy(() => import('../faults/FaultsMenu.tsx').then((m) => ({ default: m.FaultsMenu })));

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

function TemplatesMenu() {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu-anchor" ref={anchor}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Templates
      </button>
      {open && (
        <div role="menu" aria-label="Templates" className="menu">
          {TEMPLATES.map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              className="menu__item"
              aria-label={t.name}
              onClick={() => {
                setOpen(false);
                replaceDocument(t.graph());
              }}
            >
              <span className="menu__item-title">{t.name}</span>
              <span className="menu__item-help">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function Toolbar() {
  const name = useDocument((s) => s.graph.name);
  const canUndo = useDocument((s) => s.past.length > 0);
  const canRedo = useDocument((s) => s.future.length > 0);
  const status = useRunStatus();
  const nextHeld = useRunControl((s) => s.nextHeld);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ''; // choosing the same file again still imports it
    if (file) void importFile(file);
  };

  return (
    <header className="toolbar">
      <div className="toolbar__brand">
        <span className="toolbar__logo" aria-hidden="true" />
        AMQP Flow
        <span className="toolbar__doc" title={name}>
          {name}
        </span>
      </div>
      <div className="toolbar__group">
        <button type="button" className="btn btn--primary" disabled={status !== 'idle'} onClick={() => void run()}>
          <Icon d="M4 2.5v11l9-5.5z" />Run
        </button>
        <button type="button" className="btn" disabled={status !== 'running'} onClick={() => void stopRun()}>
          <Icon d="M3.5 3.5h9v9h-9z" />Stop
        </button>
        <button type="button" className="btn" disabled={status === 'stopping'} onClick={() => void stepRun()} title={nextHeld ?? 'Run one frame at a time'}>
          <Icon d="M3 3v10l7-5zM11 3h2v10h-2z" />Step
        </button>
        <span className="run-status" role="status" aria-label="Run status">
          {STATUS_WORDS[status]}
        </span>
        <Suspense fallback={null}>
          <FaultsMenu />
        </Suspense>
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
        <button type="button" className="btn" onClick={exportDocument} title="Download this flow as a .amqpflow.json file">
          Export
        </button>
        <Suspense fallback={null}>
          <ShareButtons />
          <ToolbarExtras />
        </Suspense>
      </div>
    </header>
  );
}
