// "Export SVG" and "Export Mermaid" for the Frames panel's sequence view: the frames shown (all, or
// filtered by node or performative) as a document diagram.
import type { FrameRecord } from '../engine/events.ts';
import { sequenceToMermaid, sequenceToSvg } from '../engine/sequenceExport.ts';
import { useRun } from '../store/runStore.ts';
import { download, fileStem } from '../ui/download.ts';

export function SequenceExport({ frames, rows }: { frames: readonly FrameRecord[]; rows: readonly number[] | null }) {
  const name = useRun((s) => s.graph?.name ?? 'flow');
  const shown = () => (rows ? rows.map((i) => frames[i]!) : frames);
  const disabled = (rows ? rows.length : frames.length) === 0;
  return (
    <span className="panel__exports">
      <button type="button" className="btn btn--small" disabled={disabled} onClick={() => download(`${fileStem(name)}-sequence.svg`, sequenceToSvg(shown(), name), 'image/svg+xml')}>
        Export SVG
      </button>
      <button type="button" className="btn btn--small" disabled={disabled} onClick={() => download(`${fileStem(name)}-sequence.mmd`, sequenceToMermaid(shown(), name))}>
        Export Mermaid
      </button>
    </span>
  );
}
