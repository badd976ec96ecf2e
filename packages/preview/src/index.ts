export * from './tree.js';
export * from './render.js';
export * from './layout.js';
export * from './svg.js';
export * from './document.js';
export * from './security.js';
export * from './messages.js';
