// The editor commands: pure `(graph, args) => graph` functions that return the same graph when nothing changes.
export { addNode, type AddNodeArgs } from './addNode.ts';
export { connect, type ConnectArgs } from './connect.ts';
export { moveNodes, type MoveNodesArgs } from './moveNodes.ts';
export { pasteElements, type PasteElementsArgs, type PasteResult } from './pasteElements.ts';
export { removeElements, type RemoveElementsArgs } from './removeElements.ts';
export { renameGraph, type RenameGraphArgs } from './renameGraph.ts';
export { replaceGraph, type ReplaceGraphArgs } from './replaceGraph.ts';
export { updateProps, type UpdatePropsArgs } from './updateProps.ts';
