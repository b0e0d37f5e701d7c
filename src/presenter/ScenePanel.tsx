// Scenes in presenter mode: the current scene's title and notes on a card, its spotlight on the
// canvas, and →/PageDown, ←/PageUp (a presentation clicker) to move; moving forward onto a scene
// with a fault injects it into the running flow.
import { useEffect } from 'react';
import { FAULTS } from '../graph/faults.ts';
import type { Scene } from '../graph/scenes.ts';
import { useDocument } from '../store/documentStore.ts';
import { injectFault, useRunStatus } from '../store/runController.ts';
import { sceneStep, spotlightCss, stepIndex, useScene } from './scenes.ts';

const NO_SCENES: Scene[] = [];

function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

async function showFault(scene: Scene) {
  const fault = scene.fault;
  if (!fault) return;
  const label = FAULTS[fault.fault].label;
  try {
    await injectFault(fault);
    useScene.setState({ faultNote: `⚡ ${label}${fault.target ? ` on ${fault.target}` : ''}: injected` });
  } catch (e) {
    useScene.setState({ faultNote: `⚡ ${label} not injected: ${(e as Error).message}` });
  }
}

export function ScenePanel() {
  const scenes = useDocument((s) => s.graph.scenes ?? NO_SCENES);
  const nodeIds = useDocument((s) => s.graph.nodes.map((n) => n.id).join('\n'));
  const index = useScene((s) => s.index);
  const faultNote = useScene((s) => s.faultNote);
  const running = useRunStatus() === 'running';
  const scene = scenes[Math.min(index, scenes.length - 1)];

  // a new flow (other scenes) starts at its first scene
  useEffect(() => useScene.setState({ index: 0, faultNote: null }), [scenes]);

  useEffect(() => {
    if (!scenes.length) return;
    const onKey = (e: KeyboardEvent) => {
      const by = sceneStep(e.key);
      if (!by || e.altKey || e.ctrlKey || e.metaKey || typingIn(e.target) || document.querySelector('[role="dialog"]')) return;
      e.preventDefault();
      e.stopPropagation(); // the canvas would move the selected nodes with the arrows
      const { index: from } = useScene.getState();
      const to = stepIndex(from, by, scenes.length);
      if (to === from) return;
      useScene.setState({ index: to, faultNote: null });
      if (by > 0) void showFault(scenes[to]!);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [scenes]);

  if (!scene) return null;
  const css = spotlightCss(scene, nodeIds.split('\n'), (id) => CSS.escape(id));
  return (
    <>
      {css && <style>{css}</style>}
      <section className="scene-card" role="region" aria-label="Scene" aria-live="polite">
        <p className="scene-card__count">
          Scene {Math.min(index, scenes.length - 1) + 1} of {scenes.length}
        </p>
        <h2 className="scene-card__title">{scene.title}</h2>
        {scene.notes && <p className="scene-card__notes" title={scene.notes}>{scene.notes}</p>}
        {scene.fault && (
          <p className="scene-card__fault">
            {faultNote ?? `⚡ ${FAULTS[scene.fault.fault].label}${running ? '' : ' (press Run, then come to this scene to inject it)'}`}
          </p>
        )}
        <p className="scene-card__keys">← / → or PageUp / PageDown</p>
      </section>
    </>
  );
}
