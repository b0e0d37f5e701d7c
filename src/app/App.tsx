// The editor page: toolbar, palette, canvas, inspector and the run panels below, with the features'
// toolbar items, regions and overlays in their slots (src/app/features.ts).
import { useEffect, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { Inspector } from '../canvas/inspector/Inspector.tsx';
import { Palette } from '../canvas/Palette.tsx';
import { useFileDrop } from '../canvas/useFileDrop.ts';
import { RunArea } from '../panels/RunArea.tsx';
import { expectPageFlow } from '../store/flowLoad.ts';
import { preloadEngineWhenIdle } from '../store/runController.ts';
import { Notices } from '../ui/Notices.tsx';
import { useShellClasses } from '../ui/shellClasses.ts';
import { FeatureSlot } from './FeatureSlot.tsx';
import { loadFeatures } from './features.ts';
import { Toolbar } from './Toolbar.tsx';
import { useEditorKeys } from './useEditorKeys.ts';

export function App() {
  const [panelsCollapsed, setPanelsCollapsed] = useState(false);
  const fileOver = useFileDrop();
  const featureClasses = useShellClasses((s) => s.classes);
  useEditorKeys();
  useEffect(() => {
    const features = loadFeatures();
    // a lesson link's flow comes with the lessons feature: a Run pressed before it waits for it
    if (new URLSearchParams(location.search).has('lesson') || location.hash.startsWith('#lesson=')) expectPageFlow('the lesson', features);
    preloadEngineWhenIdle();
  }, []);
  const classes = ['app', panelsCollapsed && 'app--panels-collapsed', ...featureClasses].filter(Boolean).join(' ');
  return (
    <ReactFlowProvider>
      <main className={classes}>
        <Toolbar />
        <Palette />
        <FlowCanvas />
        <Inspector />
        <FeatureSlot part="regions" />
        <RunArea collapsed={panelsCollapsed} onToggle={() => setPanelsCollapsed((c) => !c)} />
      </main>
      <Notices />
      <FeatureSlot part="overlays" />
      {fileOver && <div className="drop-overlay">Drop a .amqpflow.json file to import it</div>}
    </ReactFlowProvider>
  );
}
