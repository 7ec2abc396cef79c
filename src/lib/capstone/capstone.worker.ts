/// <reference lib="webworker" />
/**
 * Module Web Worker of the capstone (lesson 07): runs k-means off the main thread, so a change of k,
 * seed or features costs the page only the DOM update. Two jobs, both the same pure functions as the
 * main-thread path (kmeans-run.ts answerCapRequest → simulations/segmentation): every k-means step for
 * the builder's animation, and the segmentation the strategy step and the year run use. The company is
 * regenerated here from its seed and size (generateCompany is deterministic) and cached; the steps'
 * label arrays are transferred. Started by capstone-engine.ts through src/lib/worker/rpc.ts.
 */
import { serveRpc } from '../worker/rpc';
import { answerCapRequest } from './kmeans-run';
import type { CapRequest, CapResponse } from './capstone-protocol';

serveRpc<CapRequest, CapResponse>((req) => answerCapRequest(req));
