// Credit charts (uPlot): per-link credit and queued-for-credit over time, and throughput. Painted
// from useRun.subscribe, never through React re-renders; loaded lazily with the Credit panel.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { subscribeBatch } from '../store/runBatch.ts';
import { CreditSeries, ThroughputSeries } from './creditSeries.ts';
import { faultMarkOf, faultMarksPlugin, type FaultMark } from './faultMarks.ts';
import { LiveFiguresBar } from './LiveFiguresBar.tsx';

const PALETTE = ['#2f6fed', '#0f9d6e', '#d08a00', '#d63c86', '#7c4dde', '#18a0b0', '#b0452f', '#6b7a00'];
const CHART_HEIGHT = 150;

function creditOptions(links: readonly string[], width: number, plugins: uPlot.Plugin[]): uPlot.Options {
  const series: uPlot.Series[] = [{ label: 's' }];
  links.forEach((id, i) => {
    const stroke = PALETTE[i % PALETTE.length]!;
    series.push({ label: `${id} credit`, stroke, width: 2, paths: uPlot.paths.stepped?.({ align: 1 }) });
    series.push({ label: `${id} queued`, stroke, width: 1, dash: [4, 3], paths: uPlot.paths.stepped?.({ align: 1 }) });
  });
  return {
    width,
    height: CHART_HEIGHT,
    title: 'Link credit (solid) and waiting for credit (dashed)',
    plugins,
    scales: { x: { time: false } },
    axes: [{ label: 'seconds' }, {}],
    legend: { live: false },
    series,
  };
}

function throughputOptions(width: number, plugins: uPlot.Plugin[]): uPlot.Options {
  return {
    plugins,
    width,
    height: CHART_HEIGHT,
    title: 'Throughput per second',
    scales: { x: { time: false } },
    axes: [{ label: 'seconds' }, {}],
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
    let creditPlot: uPlot | null = null;
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
      if (credit.takeLinksChanged() || !creditPlot) {
        creditPlot?.destroy();
        creditPlot = c.links.length ? new uPlot(creditOptions(c.links, width(), plugins), [[]], creditBox) : null;
      }
      if (creditPlot) {
        const data: (number | null)[][] = [c.t];
        c.links.forEach((_, i) => data.push(c.credit[i]!, c.queued[i]!));
        creditPlot.setData(data as uPlot.AlignedData);
      }
      if (!throughputPlot && throughput.t.length) throughputPlot = new uPlot(throughputOptions(width(), plugins), [[]], throughputBox);
      throughputPlot?.setData([throughput.t, throughput.settled, throughput.received]);
      if (emptyEl.current) emptyEl.current.hidden = c.links.length > 0 || throughput.t.length > 0;
    };

    const unsubscribe = subscribeBatch(({ events, reset }) => {
      if (reset) {
        // A new run started (or the charts just opened): build them from what the log holds.
        credit = new CreditSeries();
        throughput = new ThroughputSeries();
        creditPlot?.destroy();
        throughputPlot?.destroy();
        creditPlot = throughputPlot = null;
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
      paint();
    });
    const resize = new ResizeObserver(() => {
      creditPlot?.setSize({ width: width(), height: CHART_HEIGHT });
      throughputPlot?.setSize({ width: width(), height: CHART_HEIGHT });
    });
    if (creditBox.parentElement) resize.observe(creditBox.parentElement);
    return () => {
      unsubscribe();
      resize.disconnect();
      creditPlot?.destroy();
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
