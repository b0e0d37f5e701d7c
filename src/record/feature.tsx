// The recording feature: Save recording / Open recording in the toolbar, the replay bar, and Rewind (step
// back through the current or last run) beside Run and Step with its bar and keys.
import type { Feature } from '../ui/feature.ts';
import { RecordButtons, ReplayBar } from './RecordControls.tsx';
import { useReplay } from './replayStore.ts';
import { StepBackBar, StepBackButton } from './StepBackControls.tsx';
import { liveMoments, stepBack, stepForward, useStepBack } from './stepBack.ts';

const record: Feature = {
  id: 'record',
  run: [StepBackButton],
  toolbar: [RecordButtons],
  overlays: [ReplayBar, StepBackBar],
  shortcuts: [
    {
      key: ',',
      description: 'Rewind: one moment earlier',
      run: () => {
        if (useReplay.getState().replay || liveMoments() === 0) return false; // a recording has its own playhead
        stepBack();
      },
    },
    {
      key: '.',
      description: 'One moment later (while rewound)',
      run: () => {
        if (!useStepBack.getState().replay) return false;
        stepForward();
      },
    },
  ],
};
export default record;
