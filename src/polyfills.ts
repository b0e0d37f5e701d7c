// Node globals rhea's lib/ expects, for a page that uses rhea without the engine (the engine installs
// them itself, src/engine/nodeGlobals.ts).
import './engine/nodeGlobals.ts';
