// The editor page: toolbar, palette, canvas, inspector and the run panels below.
import { lazy, Suspense, useState } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from './canvas/FlowCanvas.tsx';
import { Inspector } from './canvas/inspector/Inspector.tsx';
import { Notices } from './canvas/Notices.tsx';
import { Palette } from './canvas/Palette.tsx';
import { RunArea } from './canvas/RunArea.tsx';
import { Toolbar } from './canvas/Toolbar.tsx';
import { useEditorKeys } from './canvas/useEditorKeys.ts';
import { useFileDrop } from './canvas/useFileDrop.ts';
import { ReplayBar } from './record/RecordControls.tsx';
import { PresenterLayer } from './presenter/PresenterLayer.tsx';
import { usePresenter } from './presenter/mode.ts';

// The #share= preview (and the link decoder it needs) loads just after the first paint.
const SharePreview = lazy(() => import('./share/SharePreview.tsx').then((m) => ({ default: m.SharePreview })));
const LessonRegion = lazy(() => import('./lessons/LessonRegion.tsx').then((m) => ({ default: m.LessonRegion })));

export function App() {
  const [panelsCollapsed, setPanelsCollapsed] = useState(false);
  const fileOver = useFileDrop();
  const presenting = usePresenter((st) => st.on);
  useEditorKeys();
  return (
    <ReactFlowProvider>
      <main className={`app${panelsCollapsed ? ' app--panels-collapsed' : ''}${presenting ? ' presenter' : ''}`}>
        <Toolbar />
        <Palette />
        <FlowCanvas />
        <Inspector />
        <Suspense fallback={null}>
          <LessonRegion />
        </Suspense>
        <RunArea collapsed={panelsCollapsed} onToggle={() => setPanelsCollapsed((c) => !c)} />
      </main>
      <Notices />
      <Suspense fallback={null}>
        <SharePreview />
      </Suspense>
      <ReplayBar />
      <PresenterLayer />
      {fileOver && <div className="drop-overlay">Drop a .amqpflow.json file to import it</div>}
    </ReactFlowProvider>
  );
}
