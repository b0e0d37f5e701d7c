// The faults feature: the toolbar's Faults menu (break the running flow on purpose).
import type { Feature } from '../ui/feature.ts';
import { FaultsMenu } from './FaultsMenu.tsx';

const faults: Feature = { id: 'faults', toolbar: [FaultsMenu] };
export default faults;
