// Presenter mode on the canvas: Esc leaves it, a click on a node opens its note, and every note shows as a
// callout above its node (inside the canvas viewport, so it pans and zooms with the flow).
import { useEffect, useState } from 'react';
import { ViewportPortal } from '@xyflow/react';
import { useDocument } from '../store/documentStore.ts';
import { notify } from '../store/noticeStore.ts';
import { setShellClass } from '../ui/shellClasses.ts';
import { MAX_NOTE_CHARS, loadNotes, saveNote, useNotes } from './annotations.ts';
import { requestFitView } from '../store/actions.ts';
import { editNote, onPresentingChange, setPresenting, usePresenter } from './mode.ts';
import { useRefitOnCanvasResize } from './useRefitOnCanvasResize.ts';
import './presenter.css';

function NoteEditor({ nodeId, graphName, initial }: { nodeId: string; graphName: string; initial: string }) {
  const [text, setText] = useState(initial);
  const save = () => {
    const result = saveNote(localStorage, graphName, nodeId, text);
    if (!result.ok) {
      notify('error', result.message);
      return;
    }
    useNotes.setState({ graphName, notes: result.notes });
    editNote(null);
  };
  return (
    <form
      className="presenter-note presenter-note--editing nodrag nopan"
      aria-label={`Note on ${nodeId}`}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        e.stopPropagation(); // typing here is not an editor shortcut
        if (e.key === 'Escape') editNote(null);
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          save();
        }
      }}
    >
      <textarea
        aria-label="Note"
        autoFocus
        rows={2}
        maxLength={MAX_NOTE_CHARS + 50}
        value={text}
        placeholder="A short note for the audience"
        onChange={(e) => setText(e.target.value)}
      />
      <div className="presenter-note__buttons">
        <button type="submit" className="btn btn--small btn--primary">
          Save note
        </button>
        <button type="button" className="btn btn--small" onClick={() => editNote(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Callouts and the note editor, drawn in flow coordinates next to their nodes. */
function Callouts() {
  const nodes = useDocument((s) => s.graph.nodes);
  const graphName = useDocument((s) => s.graph.name);
  const notes = useNotes((s) => (s.graphName === graphName ? s.notes : null));
  const editing = usePresenter((s) => s.editing);
  return (
    <ViewportPortal>
      {nodes.map((n) => {
        const note = notes?.[n.id];
        const style = { transform: `translate(${n.position.x}px, ${n.position.y}px) translateY(-100%) translateY(-10px)` };
        if (editing === n.id) {
          return (
            <div key={n.id} className="presenter-note__at" style={style}>
              <NoteEditor nodeId={n.id} graphName={graphName} initial={note ?? ''} />
            </div>
          );
        }
        if (!note) return null;
        return (
          <div key={n.id} className="presenter-note__at" style={style}>
            <div className="presenter-note" role="note" aria-label={`Note on ${n.id}`} data-note-for={n.id}>
              {note}
            </div>
          </div>
        );
      })}
    </ViewportPortal>
  );
}

export function PresenterLayer() {
  const on = usePresenter((s) => s.on);
  const graphName = useDocument((s) => s.graph.name);

  useEffect(() => setShellClass('presenter', on), [on]);

  useEffect(() => {
    useNotes.setState({ graphName, notes: loadNotes(localStorage, graphName) });
  }, [graphName]);

  useEffect(() => {
    // Opened with ?present=1: fit once the nodes have been measured.
    const first = usePresenter.getState().on ? setTimeout(requestFitView, 150) : 0;
    const off = onPresentingChange(() => requestAnimationFrame(requestFitView));
    return () => {
      clearTimeout(first);
      off();
    };
  }, []);

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || usePresenter.getState().editing) return;
      if (document.querySelector('[role="dialog"]')) return; // Esc closes the dialog first
      setPresenting(false);
    };
    const onClick = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (!target || target.closest('.presenter-note--editing')) return;
      const node = target.closest<HTMLElement>('.react-flow__node');
      const id = node?.dataset.id;
      if (id) editNote(id);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onClick);
    };
  }, [on]);

  return on ? (
    <>
      <Callouts />
      <RefitOnCanvasResize />
    </>
  ) : null;
}

function RefitOnCanvasResize() {
  useRefitOnCanvasResize();
  return null;
}

/** The toolbar toggle. */
export function PresentButton() {
  const on = usePresenter((s) => s.on);
  return (
    <button
      type="button"
      className={`btn${on ? ' btn--primary' : ''}`}
      aria-pressed={on}
      onClick={() => setPresenting(!on)}
      title={on ? 'Leave presenter mode (Esc)' : 'Large type and high contrast for a room; click a node to add a note'}
    >
      Present
    </button>
  );
}
