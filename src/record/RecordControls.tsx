// Toolbar entries for recordings (Save recording after a run, Open recording) and the replay bar with
// play, pause, speed and a slider over every recorded event and frame.
import { useEffect } from 'react';
import './record.css';
import { useHasRunToRecord } from '../store/lastRun.ts';
import { useRunMoment } from '../store/runMoment.ts';
import { useRunStatus } from '../store/runController.ts';
import { RECORDING_SUFFIX } from './recording.ts';
import { SPEEDS, closeReplay, openRecording, pause, play, saveRecording, seek, setSpeed, useReplay } from './replayStore.ts';

/**
 * The file chooser for recordings. Its input exists only while the chooser is open, so the page keeps one
 * lasting file input: the flow's Import.
 */
function chooseRecording() {
  document.querySelector('input[data-recording-chooser]')?.remove();
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.hidden = true;
  input.setAttribute('data-recording-chooser', '');
  input.setAttribute('aria-label', 'Recording to open');
  const done = () => input.remove();
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    done();
    if (file) void openRecording(file);
  });
  input.addEventListener('cancel', done);
  document.body.append(input);
  input.click();
}

export function RecordButtons() {
  const status = useRunStatus();
  const canSave = useHasRunToRecord();
  const replaying = useReplay((s) => s.replay !== null);
  const steppingBack = useRunMoment((m) => m.earlier);
  return (
    <>
      <button type="button" className="btn" disabled={status !== 'idle' || !canSave || replaying} onClick={saveRecording} title={`Download the last run as a ${RECORDING_SUFFIX} file`}>
        Save recording
      </button>
      <button type="button" className="btn" disabled={status !== 'idle' || steppingBack} onClick={chooseRecording} title="Replay a recorded run, no broker needed">
        Open recording
      </button>
    </>
  );
}

export function ReplayBar() {
  const replay = useReplay((s) => s.replay);
  const position = useReplay((s) => s.position);
  const playing = useReplay((s) => s.playing);
  const speed = useReplay((s) => s.speed);
  const fileName = useReplay((s) => s.fileName);
  const status = useRunStatus();
  useEffect(() => {
    if (status !== 'idle') closeReplay(); // a live run takes over the canvas and panels
  }, [status]);
  if (!replay) return null;
  const t = replay.timeOf(position);
  return (
    <div className="replay-bar" role="group" aria-label="Replay">
      <strong>Replay</strong>
      <span title={fileName}>{replay.recording.graph.name}</span>
      <button type="button" className="btn btn--small" onClick={playing ? pause : play}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <label>
        Speed{' '}
        <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <input
        type="range"
        aria-label="Playhead"
        min={0}
        max={replay.length}
        value={position}
        onChange={(e) => {
          pause();
          seek(Number(e.target.value));
        }}
      />
      <span role="status" aria-label="Replay position">
        {position} / {replay.length} · {(t / 1000).toFixed(2)} s
      </span>
      <button type="button" className="btn btn--small btn--ghost" onClick={closeReplay}>
        Close replay
      </button>
    </div>
  );
}
