// Edge components by type; a module constant so React Flow never remounts edges. `default` covers
// edges that carry no type, which is every edge of the document.
import FlowEdge from './FlowEdge.tsx';

export const edgeTypes = { default: FlowEdge, flow: FlowEdge };
