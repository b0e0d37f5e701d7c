// The diagrams feature: the toolbar's Export image menu (the canvas as SVG or PNG for documents).
import type { Feature } from '../ui/feature.ts';
import { ExportImageMenu } from './ExportImageMenu.tsx';

const diagrams: Feature = { id: 'diagrams', toolbar: [ExportImageMenu] };
export default diagrams;
