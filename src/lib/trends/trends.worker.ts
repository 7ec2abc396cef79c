/// <reference lib="webworker" />
/**
 * Module Web Worker that runs the trends lab's engine (run.ts trendsView) off the main thread: the
 * company, the segmentation and the four plans of a first view take 100–300 ms of engine time on a
 * 2-core laptop, a later change 20–60 ms; here they run on another core while the page keeps painting.
 * The worker keeps its own company and figure cache (run.ts); a reply carries only the small
 * TrendsFigures objects (plain numbers, structured-cloned unchanged), so there is nothing to transfer.
 * Started by trends-engine.ts through src/lib/worker/rpc.ts; Vite (Astro) bundles
 * `new Worker(new URL('./trends.worker.ts', import.meta.url), { type: 'module' })` as a separate chunk.
 */
import { serveRpc } from '../worker/rpc';
import type { TrendsRequest, TrendsResponse } from './trends-protocol';
import { answerTrends } from './trends-answer';

serveRpc<TrendsRequest, TrendsResponse>(answerTrends);
