// `import file from './x.ts?script&iife'` (crxjs): the built script's path, for scripting APIs.
/// <reference types="@crxjs/vite-plugin/client" />
