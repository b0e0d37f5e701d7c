// The faults feature: the Faults menu beside Run / Stop / Step (break the running flow on purpose).
import type { Feature } from '../ui/feature.ts';
import { FaultsMenu } from './FaultsMenu.tsx';

const faults: Feature = { id: 'faults', run: [FaultsMenu] };
export default faults;
