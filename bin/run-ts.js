#!/usr/bin/env node
// Run a TypeScript file (benchmarks, scripts) the same way bin/recert.js runs the app.
import { pathToFileURL } from 'node:url';
import { nodeCanRunRecert } from './node-check.js';

if (nodeCanRunRecert()) await import(pathToFileURL(process.argv[2] ?? '').href);
