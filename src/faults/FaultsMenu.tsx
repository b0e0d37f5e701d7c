// The toolbar's Faults menu ("break it on purpose"): one item per fault (contracts §5 names), each
// acting on the selected node, disabled with the reason when the selection does not fit. Faults with
// parameters ask for them in the menu first; the rest are injected at once.
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FAULTS, FAULT_NAMES, type FaultName, type FaultSpec } from '../graph/faults.ts';
import { useDocument } from '../store/documentStore.ts';
import { notify, showStatus } from '../store/noticeStore.ts';
import { injectFault, useRunStatus } from '../store/runController.ts';
import { menuItemState, menuSpec } from './faultTarget.ts';
import { FaultParams, hasParams } from './FaultParams.tsx';
import './faults.css';

async function inject(spec: FaultSpec) {
  try {
    await injectFault(spec);
    showStatus(`${FAULTS[spec.fault].label}${spec.target ? ` on ${spec.target}` : ''}: injected (see the event log)`);
  } catch (e) {
    notify('error', `${FAULTS[spec.fault].label} did not happen`, [(e as Error).message]);
  }
}

export function FaultsMenu() {
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<{ fault: FaultName; target: string | undefined } | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const graph = useDocument((s) => s.graph);
  const selected = useDocument(useShallow((s) => s.selection.nodes));
  const running = useRunStatus() === 'running';

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !anchor.current?.contains(e.target as Node)) {
        setOpen(false);
        setAsking(null);
      }
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const ctx = { graph, selected, running, pageHost: location.host };
  const done = () => {
    setOpen(false);
    setAsking(null);
  };

  return (
    <div className="menu-anchor" ref={anchor}>
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Break it on purpose: inject a fault into the running flow"
        onClick={() => {
          setOpen((o) => !o);
          setAsking(null);
        }}
      >
        Faults
      </button>
      {open && !asking && (
        <div role="menu" aria-label="Faults" className="menu menu--faults">
          {FAULT_NAMES.map((fault) => {
            const info = FAULTS[fault];
            const state = menuItemState(fault, ctx);
            return (
              <button
                key={fault}
                type="button"
                role="menuitem"
                className="menu__item"
                aria-label={info.label}
                aria-disabled={!state.enabled}
                aria-description={state.enabled ? info.help : state.why}
                title={state.enabled ? info.help : state.why}
                data-fault={fault}
                onClick={() => {
                  if (!state.enabled) return;
                  if (hasParams(fault)) return setAsking({ fault, target: state.target });
                  done();
                  void inject(menuSpec(fault, state.target, {}));
                }}
              >
                <span className="menu__item-title">
                  {info.label}
                  <span className="fault-where">{info.where === 'broker' ? 'embedded broker' : 'any broker'}</span>
                </span>
                <span className="menu__item-help">{state.enabled ? `${state.target ? `On ${state.target}. ` : ''}${info.help}` : state.why}</span>
              </button>
            );
          })}
        </div>
      )}
      {open && asking && (
        <div className="menu menu--faults">
          <FaultParams
            fault={asking.fault}
            target={asking.target}
            onCancel={() => setAsking(null)}
            onInject={(params) => {
              const spec = menuSpec(asking.fault, asking.target, params);
              done();
              void inject(spec);
            }}
          />
        </div>
      )}
    </div>
  );
}
