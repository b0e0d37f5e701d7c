// Every benchmark: the script that measures it, and for each figure what it is, how it is measured
// and its target. The runner reads this to run them in order and to write BENCHMARKS.md.

export interface FigureSpec {
  name: string;
  what: string;
  how: string;
  /** `value <= target` (or `>=`) passes; absent: reported for context only */
  target?: Target;
}

export interface Target {
  op: '<=' | '>=';
  value: number;
  tolerance?: number;
}

export interface BenchSpec {
  script: string;
  /** needs node --expose-gc */
  gc?: boolean;
  figures: FigureSpec[];
}

/** rAF deltas are quantised to the 60 Hz display interval (16.6–16.8 ms); 0.5 ms of clock jitter is allowed. */
const FRAME_JITTER = 0.5;

/** A benchmark: the script that measures it and the figures it prints. */
const bench = (script: string, ...figures: FigureSpec[]): BenchSpec => ({ script, figures });
/** The script needs node --expose-gc. */
const withGc = (spec: BenchSpec): BenchSpec => ({ ...spec, gc: true });
/** A figure: its name, what it is, how it is measured, and its target (none: for context only). */
const figure = (name: string, what: string, how: string, target?: Target): FigureSpec => (target ? { name, what, how, target } : { name, what, how });
const atMost = (value: number, tolerance?: number): Target => ({ op: '<=', value, ...(tolerance !== undefined && { tolerance }) });
const atLeast = (value: number, tolerance?: number): Target => ({ op: '>=', value, ...(tolerance !== undefined && { tolerance }) });

export const CATALOG: BenchSpec[] = [
  bench('bundleSize.ts',
    figure('bundle_initial_gzip_kb', 'Initial JavaScript of the production build, gzipped',
      'index.html\'s module script and modulepreload chunks, gzip level 9, kB = 1000 bytes',
      atMost(160))),
  bench('runToOpen.ts',
    figure('run_to_open_ms', 'Run pressed → connection shown open',
      'Chromium, click on Run to data-state="open" of the connection node, embedded broker; median of 20 (first, with the engine chunk load, included)',
      atMost(50))),
  bench('replayOpen.ts',
    figure('replay_open_100k_ms', 'A 100,000-event recording opened for replay, to its last item',
      'Chromium, Open recording with 100,004 events and 25,000 frames, from the file input\'s change event to the replay showing its last item; median of 3 fresh pages',
      atMost(1000))),
  bench('lessonStep.ts',
    figure('lesson_step_ms', 'A lesson\'s do step moving on after the learner\'s action',
      'Chromium, fresh page per action with ?lesson=<id>: Sender pressed in the palette (lifecycle) and Run pressed (starvation, embedded broker); click event\'s timeStamp to the animation frame after "Current step" shows the next step; the slower action\'s median of 7 (3 with --quick)',
      atMost(100))),
  bench('engineVsRaw.ts',
    figure('engine_vs_raw', 'Page engine with all views ÷ raw rhea, messages/s',
      'Same Chromium page and embedded broker over WebSocket; sender → broker → receiver, 100-byte bodies, credit window 500; Run on an imported flow until the canvas shows all accepted and received, vs a bundled rhea client until all accepted and received; alternating rounds, median of per-round ratios',
      atLeast(0.95))),
  bench('uiFlood.ts',
    figure('ui_flood_p95_ms', 'p95 frame time, 21,000 events/s fed for 10 s over a 100,000-entry log',
      'requestAnimationFrame deltas in Chromium; CREDIT events fed through the run store\'s enqueue by the page\'s opt-in test hook',
      atMost(16.7, FRAME_JITTER)),
    figure('ui_flood_longtasks', 'Long tasks over 100 ms during the flood',
      'PerformanceObserver("longtask") entries with duration > 100 ms',
      atMost(0)),
    figure('ui_flood_events_per_s', 'Events per second the page kept up with, fed at 21,000/s for 10 s',
      'events fed ÷ time from the first fed to the frame whose event log note counts them all (the log is full, so every one shows as dropped from the front); fed above the target so the time the last frame takes to draw needs no allowance',
      atLeast(20_000))),
  bench('editor1000.ts',
    figure('editor_1000_load_ms', 'Import of a 1,000-node flow to all nodes painted',
      'change event of the real <input type=file> to the frame after all 1,000 nodes are in the page and measured; median of 3 (2 with --quick), fresh page each',
      atMost(1000)),
    figure('editor_1000_drag_p95_ms', 'p95 frame time dragging a node of the 1,000-node flow',
      'mouse drag of the connection node nearest the canvas centre by its header, 3 drags of 60 moves, requestAnimationFrame deltas',
      atMost(16.7, FRAME_JITTER))),
  bench('brokerVsRabbitmq.ts',
    figure('broker_vs_rabbitmq', 'Embedded broker ÷ RabbitMQ 3.10 (AMQP 1.0 plugin), messages/s over TCP',
      'Same Node rhea probe: one connection, send N and receive N on one queue, 100-byte bodies, credit window 500; warm-up, then alternating rounds; median of per-round ratios',
      atLeast(2.0)),
    figure('broker_vs_rabbitmq_ws', 'The same ratio over WebSocket (RabbitMQ behind websockify)',
      'As above, ws:// to the embedded broker and to websockify in front of RabbitMQ; for context')),
  bench('brokerVsSink.ts',
    figure('broker_vs_sink', 'Embedded broker ÷ a rhea server that only accepts and echoes (one hop, no queue), messages/s over TCP',
      'Same Node rhea probe against each, both in their own process: one connection, send N and receive N on one address (until all accepted and all received), 100-byte bodies, credit window 500; the sink accepts every transfer (autoaccept) and echoes the message to the receiver on that address with rhea\'s public API only (so it decodes and re-encodes each message, and writes each frame on its own, as rhea does), with no queue and no checks; warm-up, then alternating rounds; median of per-round ratios',
      atLeast(0.8))),
  withGc(bench('engineMemory.ts',
    figure('engine_memory_mb', 'Engine heap after 1,000,000 transfers in one run (200,000 with --quick)',
      'Node, engine over ws to the embedded broker in another process, last 100,000 events kept in a ring; heapUsed after global.gc() every 100,000 settled'),
    figure('engine_memory_growth_mb', 'Heap growth from the 100,000th transfer to the last',
      'last sample − first sample; bounded means no growth (≤ 5 MB allowed for GC noise)',
      atMost(5)))),
  bench('liveFigures.ts',
    figure('live_figures_cpu_share', 'Live demo figures (rate, p50/p99 latencies, backlog) at 10,000 messages/s, share of one core',
      'Node; the five events per message of a sender → queue → receiver run fed one at a time into LiveFigures, a snapshot every 250 ms of run time; 1,000,000 messages (200,000 with --quick), median of 7 rounds',
      atMost(1))),
];

export function passes(spec: FigureSpec, value: number): boolean | null {
  if (!spec.target) return null;
  if (!Number.isFinite(value)) return false;
  const { op, value: target, tolerance = 0 } = spec.target;
  return op === '<=' ? value <= target + tolerance : value >= target - tolerance;
}
