// Credit charts (uPlot): one small chart per link (its own scale, so a receiver going 10 → 8 is
// not a flat line under a sender's 500) with credit and queued-for-credit over time, and throughput.
// Painted from the run's batches (at most every REPAINT_MS), never through React re-renders; loaded lazily
// with the Credit panel.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { subscribeBatch } from '../store/runBatch.ts';
import { CreditSeries, ThroughputSeries } from './creditSeries.ts';
import { faultMarkOf, faultMarksPlugin, type FaultMark } from './faultMarks.ts';
import { LiveFiguresBar } from './LiveFiguresBar.tsx';

const PALETTE = ['#2f6fed', '#0f9d6e', '#d08a00', '#d63c86', '#7c4dde', '#18a0b0', '#b0452f', '#6b7a00'];
const CHART_HEIGHT = 150;
/**
 * The charts plot seconds, so they repaint at most this often: a repaint redraws every point of every
 * link (thousands), which at 60 a second took a fifth of the page's time under a flood of events.
 */
const REPAINT_MS = 200;
const LINK_CHART_HEIGHT = 140;

/** Whole-number steps for counts: no "0.5 credit" tick. */
const COUNT_INCRS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000];
/** Steps in seconds; a run shorter than a second still gets distinct ticks. */
const SECOND_INCRS = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600];

/** Tick labels with as many decimals as the step needs, so neighbours never read the same. */
function secondsLabels(_u: uPlot, splits: number[], _axis: number, _space: number, incr: number): string[] {
  const decimals = incr >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(incr) - 1e-9));
  return splits.map((v) => v.toFixed(decimals));
}

const countLabels = (_u: uPlot, splits: number[]) => splits.map((v) => String(Math.round(v)));

/** At least 0…2 for counts, so a link at a constant 1 still shows where it sits. */
const countRange: uPlot.Range.Function = (_u, _min, max) => [0, Math.max(2, Math.ceil((max ?? 0) * 1.1))];

/** The x axis spans at least half a second: a short burst is not spread over 0.082 … 0.083. */
const secondsRange: uPlot.Range.Function = (_u, min, max) => {
  const lo = min ?? 0;
  const hi = max ?? lo;
  return hi - lo < 0.5 ? [Math.max(0, lo - 0.05), Math.max(0, lo - 0.05) + 0.5] : [lo, hi];
};

const X_AXIS: uPlot.Axis = { label: 'seconds', incrs: SECOND_INCRS, values: secondsLabels };
/** A link's small chart names its unit in the title, leaving the height to the plot. */
const LINK_X_AXIS: uPlot.Axis = { incrs: SECOND_INCRS, values: secondsLabels, size: 28 };
const COUNT_AXIS: uPlot.Axis = { incrs: COUNT_INCRS, values: countLabels, size: 44, space: 18 };

function linkOptions(id: string, index: number, width: number, plugins: uPlot.Plugin[]): uPlot.Options {
  const stroke = PALETTE[index % PALETTE.length]!;
  return {
    plugins,
    width,
    height: LINK_CHART_HEIGHT,
    title: `${id}: credit (solid) and waiting for credit (dashed), by second`,
    scales: { x: { time: false, range: secondsRange }, y: { range: countRange } },
    axes: [LINK_X_AXIS, COUNT_AXIS],
    legend: { live: false, show: false },
    hooks: {
      // The scale each link ended up with, readable on the page (and by its tests).
      setScale: [
        (u, key) => {
          if (key === 'y' && u.root.parentElement) u.root.parentElement.dataset.yMax = String(u.scales.y?.max ?? '');
        },
      ],
    },
    series: [
      { label: 's' },
      { label: `${id} credit`, stroke, width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) },
      { label: `${id} queued`, stroke, width: 1, dash: [4, 3], paths: uPlot.paths.stepped?.({ align: 1 }) },
    ],
  };
}

function throughputOptions(width: number, plugins: uPlot.Plugin[]): uPlot.Options {
  return {
    plugins,
    width,
    height: CHART_HEIGHT,
    title: 'Throughput per second',
    scales: { x: { time: false, range: secondsRange }, y: { range: countRange } },
    axes: [X_AXIS, COUNT_AXIS],
    legend: { live: false },
    series: [
      { label: 's' },
      { label: 'transfers settled', stroke: '#18a058', width: 2, fill: 'rgba(24,160,88,0.08)' },
      { label: 'messages received', stroke: '#d08a00', width: 2 },
    ],
  };
}

export default function CreditCharts() {
  const creditEl = useRef<HTMLDivElement>(null);
  const throughputEl = useRef<HTMLDivElement>(null);
  const emptyEl = useRef<HTMLParagraphElement>(null);
  const marksEl = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const creditBox = creditEl.current!;
    const throughputBox = throughputEl.current!;
    let credit = new CreditSeries();
    let throughput = new ThroughputSeries();
    /** one chart per link, in the order the links first reported credit */
    let linkPlots: uPlot[] = [];
    let throughputPlot: uPlot | null = null;
    let marks: FaultMark[] = [];
    const plugins = [faultMarksPlugin(() => marks)];
    const listMarks = () => {
      const ul = marksEl.current;
      if (!ul) return;
      ul.replaceChildren(...marks.map((m) => Object.assign(document.createElement('li'), { textContent: `⚡ ${m.t.toFixed(1)} s ${m.label}` })));
      ul.hidden = marks.length === 0;
    };
    const width = () => Math.max(240, (creditBox.parentElement?.clientWidth ?? 600) - 16);

    const paint = () => {
      const c = credit.columns();
      if (credit.takeLinksChanged()) {
        for (let i = linkPlots.length; i < c.links.length; i++) {
          const box = document.createElement('div');
          box.className = 'charts__link';
          box.dataset.link = c.links[i]!;
          creditBox.append(box);
          linkPlots.push(new uPlot(linkOptions(c.links[i]!, i, width(), plugins), [[]], box));
        }
      }
      linkPlots.forEach((plot, i) => {
        plot.setData([c.t, c.credit[i]!, c.queued[i]!] as uPlot.AlignedData);
      });
      if (!throughputPlot && throughput.t.length) throughputPlot = new uPlot(throughputOptions(width(), plugins), [[]], throughputBox);
      throughputPlot?.setData([throughput.t, throughput.settled, throughput.received]);
      if (emptyEl.current) emptyEl.current.hidden = c.links.length > 0 || throughput.t.length > 0;
    };

    let painted = 0; // performance.now() of the last paint
    let timer: ReturnType<typeof setTimeout> | undefined;
    const paintNow = () => {
      clearTimeout(timer);
      timer = undefined;
      painted = performance.now();
      paint();
    };
    // New data is painted at once after a quiet spell, else with the next repaint due.
    const paintSoon = () => {
      if (timer !== undefined) return;
      const wait = painted + REPAINT_MS - performance.now();
      if (wait <= 0) paintNow();
      else timer = setTimeout(paintNow, wait);
    };

    const unsubscribe = subscribeBatch(({ events, reset }) => {
      if (reset) {
        // A new run started (or the charts just opened): build them from what the log holds.
        credit = new CreditSeries();
        throughput = new ThroughputSeries();
        for (const plot of linkPlots) plot.root.parentElement?.remove();
        for (const plot of linkPlots) plot.destroy();
        linkPlots = [];
        throughputPlot?.destroy();
        throughputPlot = null;
        marks = [];
        listMarks();
      }
      let marked = false;
      for (const e of events) {
        credit.add(e);
        throughput.add(e);
        const mark = faultMarkOf(e);
        if (mark) {
          marks = [...marks, mark];
          marked = true;
        }
      }
      if (marked) listMarks();
      if (reset) paintNow();
      else paintSoon();
    });
    const resize = new ResizeObserver(() => {
      for (const plot of linkPlots) plot.setSize({ width: width(), height: LINK_CHART_HEIGHT });
      throughputPlot?.setSize({ width: width(), height: CHART_HEIGHT });
    });
    if (creditBox.parentElement) resize.observe(creditBox.parentElement);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      resize.disconnect();
      for (const plot of linkPlots) plot.destroy();
      throughputPlot?.destroy();
    };
  }, []);

  return (
    <div className="charts">
      <LiveFiguresBar />
      <ul ref={marksEl} className="charts__marks" aria-label="Faults on the charts" hidden />
      <p ref={emptyEl} className="panel__empty">
        Press Run to see link credit and throughput over time.
      </p>
      <div ref={creditEl} className="charts__plot" data-chart="credit" />
      <div ref={throughputEl} className="charts__plot" data-chart="throughput" />
    </div>
  );
}
