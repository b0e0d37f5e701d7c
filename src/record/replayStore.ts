// The replay being watched: which recording, where the playhead is, and playing at which speed.
// Every move of the playhead puts the replayed run state into the run store, so canvas and panels show it.
import { create } from 'zustand';
import { replaceDocument } from '../store/actions.ts';
import { runToRecord } from '../store/lastRun.ts';
import { download } from '../ui/download.ts';
import { useRun } from '../store/runStore.ts';
import { useRunControl } from '../store/runController.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { MAX_RECORDING_BYTES, makeRecording, parseRecording, recordingFileName, serializeRecording } from './recording.ts';
import { Replay } from './replay.ts';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

interface ReplayState {
  replay: Replay | null;
  /** items shown (0 … replay.length) */
  position: number;
  playing: boolean;
  speed: number;
  fileName: string;
}

export const useReplay = create<ReplayState>()(() => ({ replay: null, position: 0, playing: false, speed: 1, fileName: '' }));

let timer = 0;
/** the playhead's time while playing, in ms of the recording */
let clock = 0;

export function seek(position: number) {
  const { replay } = useReplay.getState();
  if (!replay) return;
  const n = Math.max(0, Math.min(Math.round(position), replay.length));
  useReplay.setState({ position: n });
  useRun.setState(replay.stateAfter(n), true);
}

export const seekTime = (t: number) => {
  const { replay } = useReplay.getState();
  if (replay) seek(replay.countAt(t));
};

function tick(last: number) {
  const { replay, playing, speed } = useReplay.getState();
  if (!replay || !playing) return;
  const now = performance.now();
  clock += (now - last) * speed;
  const next = replay.countAt(clock);
  if (next !== useReplay.getState().position) seek(next);
  if (next >= replay.length) {
    useReplay.setState({ playing: false });
    return;
  }
  timer = requestAnimationFrame(() => tick(now));
}

export function play() {
  const { replay, position } = useReplay.getState();
  if (!replay) return;
  if (position >= replay.length) seek(0);
  clock = replay.timeOf(useReplay.getState().position);
  useReplay.setState({ playing: true });
  cancelAnimationFrame(timer);
  const start = performance.now();
  timer = requestAnimationFrame(() => tick(start));
}

export function pause() {
  cancelAnimationFrame(timer);
  useReplay.setState({ playing: false });
}

export function setSpeed(speed: number) {
  useReplay.setState({ speed });
}

export function closeReplay() {
  pause();
  useReplay.setState({ replay: null, position: 0, fileName: '' });
}

/** Opens a recording file: its flow replaces the document (one undo step) and the playhead goes to the end. */
export async function openRecording(file: File): Promise<boolean> {
  if (useRunControl.getState().status !== 'idle') {
    notify('error', 'Stop the run before opening a recording.');
    return false;
  }
  if (file.size > MAX_RECORDING_BYTES) {
    notify('error', `"${file.name}" was not opened: it is larger than ${MAX_RECORDING_BYTES / 1_000_000} MB.`);
    return false;
  }
  const parsed = parseRecording(await file.text());
  if (!parsed.ok) {
    notify('error', `"${file.name}" was not opened as a recording. Nothing changed.`, parsed.problems.map(describeProblem));
    return false;
  }
  pause();
  const replay = new Replay(parsed.recording);
  replaceDocument(parsed.recording.graph, parsed.recording.graph.viewport);
  useReplay.setState({ replay, fileName: file.name, position: replay.length });
  seek(replay.length);
  return true;
}

/** The last run as a recording file (the run store keeps its newest events and frames). */
export function saveRecording() {
  const s = runToRecord();
  if (!s?.graph) return;
  const recording = makeRecording(s.graph, s.events, s.frames);
  download(recordingFileName(recording), serializeRecording(recording), 'application/json');
  if (s.eventsDropped || s.framesDropped) {
    notify('warning', `The recording holds the newest ${s.events.length} events and ${s.frames.length} frames; ${s.eventsDropped + s.framesDropped} older ones were no longer kept.`);
  }
}
