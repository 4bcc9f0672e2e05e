// comlink ships the Node adapter as .mjs with a .d.ts beside it; tell TypeScript they belong together.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  export { default } from 'comlink/dist/esm/node-adapter';
}
