#!/usr/bin/env node
// Run a TypeScript file (benchmarks, scripts) the same way bin/recert.js runs the app.
if (!process.features.typescript) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { pathToFileURL } = await import('node:url');
await import(pathToFileURL(process.argv[2] ?? '').href);
