// The presenter feature: the toolbar's Present toggle, and the layer with notes, Esc and the page's
// `presenter` class while presenting.
import type { Feature } from '../ui/feature.ts';
import { PresentButton, PresenterLayer } from './PresenterLayer.tsx';

const presenter: Feature = { id: 'presenter', toolbar: [PresentButton], overlays: [PresenterLayer] };
export default presenter;
