// The live demo figures of a run (messages/s, latency p50/p99 send→settle and send→receive, queue
// backlog) as a row of labelled numbers: compact on the Credit panel, large in presenter mode.
import type { Figures } from '../store/liveFigures.ts';
import { useFigures } from '../store/figuresStore.ts';

const ms = (v: number | null) => (v === null ? '–' : v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v} ms`);
const rate = (v: number) => (v >= 100 ? Math.round(v).toLocaleString('en') : v.toFixed(v % 1 === 0 ? 0 : 1));

/** The figures as [key, label, text], in display order; `data-figure` carries the key. */
export function figureCells(f: Figures): [string, string, string][] {
  return [
    ['settled-rate', 'settled/s', rate(f.settledPerSecond)],
    ['received-rate', 'received/s', rate(f.receivedPerSecond)],
    ['settle-p50', 'send→settle p50', ms(f.settleP50)],
    ['settle-p99', 'p99', ms(f.settleP99)],
    ['receive-p50', 'send→receive p50', ms(f.receiveP50)],
    ['receive-p99', 'p99', ms(f.receiveP99)],
    ['backlog', 'backlog', f.backlog.toLocaleString('en')],
  ];
}

export function LiveFiguresBar({ large = false }: { large?: boolean }) {
  const f = useFigures(large ? 250 : 500);
  return (
    <dl className={large ? 'figures figures--large' : 'figures'} aria-label="Live figures">
      {figureCells(f).map(([key, label, value]) => (
        <div key={key} className="figures__cell" data-figure={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
