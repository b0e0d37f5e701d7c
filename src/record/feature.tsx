// The recording feature: Save recording / Open recording in the toolbar, and the replay bar.
import type { Feature } from '../ui/feature.ts';
import { RecordButtons, ReplayBar } from './RecordControls.tsx';

const record: Feature = { id: 'record', toolbar: [RecordButtons], overlays: [ReplayBar] };
export default record;
