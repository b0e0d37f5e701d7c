// The graph model: kinds and props, wiring rules, validation, the file format, templates and editor commands.
export * from './types.ts';
export * from './defaults.ts';
export * from './wiring.ts';
export * from './validate.ts';
export * from './file.ts';
export * from './ids.ts';
export * from './empty.ts';
export * from './templates.ts';
export * from './presets.ts';
export * from './expectations.ts';
export * from './commands/index.ts';
// layout.ts is left out on purpose: it pulls in ELK (large), so the canvas imports it where needed.
