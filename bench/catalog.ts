// Every benchmark: the script that measures it, and for each figure what it is, how it is measured
// and its target. The runner reads this to run them in order and to write BENCHMARKS.md.

export interface FigureSpec {
  name: string;
  what: string;
  how: string;
  /** `value <= target` (or `>=`) passes; absent: reported for context only */
  target?: { op: '<=' | '>='; value: number; tolerance?: number };
}

export interface BenchSpec {
  script: string;
  /** needs node --expose-gc */
  gc?: boolean;
  figures: FigureSpec[];
}

/** rAF deltas are quantised to the 60 Hz display interval (16.6–16.8 ms); 0.5 ms of clock jitter is allowed. */
const FRAME_JITTER = 0.5;

export const CATALOG: BenchSpec[] = [
  {
    script: 'bundleSize.ts',
    figures: [{
      name: 'bundle_initial_gzip_kb', what: 'Initial JavaScript of the production build, gzipped',
      how: 'index.html\'s module script and modulepreload chunks, gzip level 9, kB = 1000 bytes',
      target: { op: '<=', value: 160 },
    }],
  },
  {
    script: 'runToOpen.ts',
    figures: [{
      name: 'run_to_open_ms', what: 'Run pressed → connection shown open',
      how: 'Chromium, click on Run to data-state="open" of the connection node, embedded broker; median of 20 (first, with the engine chunk load, included)',
      target: { op: '<=', value: 50 },
    }],
  },
  {
    script: 'replayOpen.ts',
    figures: [{
      name: 'replay_open_100k_ms', what: 'A 100,000-event recording opened for replay, to its last item',
      how: 'Chromium, Open recording with 100,004 events and 25,000 frames, from the file input\'s change event to the replay showing its last item; median of 3 fresh pages',
      target: { op: '<=', value: 1000 },
    }],
  },
  {
    script: 'lessonStep.ts',
    figures: [{
      name: 'lesson_step_ms', what: 'A lesson\'s do step moving on after the learner\'s action',
      how: 'Chromium, fresh page per action with ?lesson=<id>: Sender pressed in the palette (lifecycle) and Run pressed (starvation, embedded broker); click event\'s timeStamp to the animation frame after "Current step" shows the next step; the slower action\'s median of 7 (3 with --quick)',
      target: { op: '<=', value: 100 },
    }],
  },
  {
    script: 'engineVsRaw.ts',
    figures: [{
      name: 'engine_vs_raw', what: 'Page engine with all views ÷ raw rhea, messages/s',
      how: 'Same Chromium page and embedded broker over WebSocket; sender → broker → receiver, 100-byte bodies, credit window 500; Run on an imported flow until the canvas shows all accepted and received, vs a bundled rhea client until all accepted and received; alternating rounds, median of per-round ratios',
      target: { op: '>=', value: 0.95 },
    }],
  },
  {
    script: 'uiFlood.ts',
    figures: [
      {
        name: 'ui_flood_p95_ms', what: 'p95 frame time, 21,000 events/s fed for 10 s over a 100,000-entry log',
        how: 'requestAnimationFrame deltas in Chromium; CREDIT events fed through the run store\'s enqueue by the page\'s opt-in test hook',
        target: { op: '<=', value: 16.7, tolerance: FRAME_JITTER },
      },
      {
        name: 'ui_flood_longtasks', what: 'Long tasks over 100 ms during the flood',
        how: 'PerformanceObserver("longtask") entries with duration > 100 ms',
        target: { op: '<=', value: 0 },
      },
      {
        name: 'ui_flood_events_per_s', what: 'Events per second the page kept up with, fed at 21,000/s for 10 s',
        how: 'events fed ÷ time from the first fed to the frame whose event log note counts them all (the log is full, so every one shows as dropped from the front); fed above the target so the time the last frame takes to draw needs no allowance',
        target: { op: '>=', value: 20_000 },
      },
    ],
  },
  {
    script: 'editor1000.ts',
    figures: [
      {
        name: 'editor_1000_load_ms', what: 'Import of a 1,000-node flow to all nodes painted',
        how: 'change event of the real <input type=file> to the frame after all 1,000 nodes are in the page and measured; median of 3 (2 with --quick), fresh page each',
        target: { op: '<=', value: 1000 },
      },
      {
        name: 'editor_1000_drag_p95_ms', what: 'p95 frame time dragging a node of the 1,000-node flow',
        how: 'mouse drag of the connection node nearest the canvas centre by its header, 3 drags of 60 moves, requestAnimationFrame deltas',
        target: { op: '<=', value: 16.7, tolerance: FRAME_JITTER },
      },
    ],
  },
  {
    script: 'brokerVsRabbitmq.ts',
    figures: [
      {
        name: 'broker_vs_rabbitmq', what: 'Embedded broker ÷ RabbitMQ 3.10 (AMQP 1.0 plugin), messages/s over TCP',
        how: 'Same Node rhea probe: one connection, send N and receive N on one queue, 100-byte bodies, credit window 500; warm-up, then alternating rounds; median of per-round ratios',
        target: { op: '>=', value: 2.0 },
      },
      {
        name: 'broker_vs_rabbitmq_ws', what: 'The same ratio over WebSocket (RabbitMQ behind websockify)',
        how: 'As above, ws:// to the embedded broker and to websockify in front of RabbitMQ; for context',
      },
    ],
  },
  {
    script: 'brokerVsSink.ts',
    figures: [{
      name: 'broker_vs_sink', what: 'Embedded broker ÷ a rhea server that only accepts and echoes (one hop, no queue), messages/s over TCP',
      how: 'Same Node rhea probe against each, both in their own process: one connection, send N and receive N on one address (until all accepted and all received), 100-byte bodies, credit window 500; the sink accepts every transfer (autoaccept) and echoes the message to the receiver on that address with rhea\'s public API only (so it decodes and re-encodes each message, and writes each frame on its own, as rhea does), with no queue and no checks; warm-up, then alternating rounds; median of per-round ratios',
      target: { op: '>=', value: 0.8 },
    }],
  },
  {
    script: 'engineMemory.ts',
    gc: true,
    figures: [
      {
        name: 'engine_memory_mb', what: 'Engine heap after 1,000,000 transfers in one run (200,000 with --quick)',
        how: 'Node, engine over ws to the embedded broker in another process, last 100,000 events kept in a ring; heapUsed after global.gc() every 100,000 settled',
      },
      {
        name: 'engine_memory_growth_mb', what: 'Heap growth from the 100,000th transfer to the last',
        how: 'last sample − first sample; bounded means no growth (≤ 5 MB allowed for GC noise)',
        target: { op: '<=', value: 5 },
      },
    ],
  },
  {
    script: 'liveFigures.ts',
    figures: [{
      name: 'live_figures_cpu_share', what: 'Live demo figures (rate, p50/p99 latencies, backlog) at 10,000 messages/s, share of one core',
      how: 'Node; the five events per message of a sender → queue → receiver run fed one at a time into LiveFigures, a snapshot every 250 ms of run time; 1,000,000 messages (200,000 with --quick), median of 7 rounds',
      target: { op: '<=', value: 1 },
    }],
  },
];

export function passes(spec: FigureSpec, value: number): boolean | null {
  if (!spec.target) return null;
  if (!Number.isFinite(value)) return false;
  const { op, value: target, tolerance = 0 } = spec.target;
  return op === '<=' ? value <= target + tolerance : value >= target - tolerance;
}
