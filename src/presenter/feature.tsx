// The presenter feature: the toolbar's Present toggle, the band of figures and scene under the canvas,
// and the layer with notes, Esc and the page's `presenter` class while presenting.
import type { Feature } from '../ui/feature.ts';
import { PresentButton, PresenterLayer } from './PresenterLayer.tsx';
import { PresenterStrip } from './PresenterStrip.tsx';

const presenter: Feature = { id: 'presenter', toolbar: [PresentButton], regions: [PresenterStrip], overlays: [PresenterLayer] };
export default presenter;
