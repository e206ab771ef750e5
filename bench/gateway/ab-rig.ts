// The two-build comparisons' common ground (ttfb-ab, cpu-ab): the simulator on the load core and the bare
// passthrough on the target core, as `npm run bench` places them, with a fresh upstream key.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { productDist as dist, benchDir } from '../paths.js';
import { type Child, freePort, spawnNode, waitHttp } from './procs.js';

export interface AbRig {
  readonly upstreamKey: string;
  readonly simUrl: string;
  readonly passthrough: { readonly url: string; readonly pid: number; readonly headers: Record<string, string> };
}

/** Starts both (pushed onto `children` for the caller to stop) and waits until each answers. */
export async function startAbRig(tmp: string, children: Child[], cores: { readonly target: string | undefined; readonly load: string | undefined }): Promise<AbRig> {
  const upstreamKey = `sk-bench-${randomBytes(8).toString('hex')}`;
  const simPort = await freePort();
  const sim = spawnNode('simulator', join(dist, 'simulator/main.js'), ['--port', String(simPort)], process.env, tmp, [], cores.load);
  children.push(sim);
  const simUrl = `http://127.0.0.1:${simPort}`;
  await waitHttp(sim, `${simUrl}/v1/models`);
  const ptPort = await freePort();
  const pt = spawnNode('passthrough', join(benchDir, 'gateway/passthrough-main.js'), ['--upstream', simUrl, '--port', String(ptPort), '--api-key', upstreamKey], process.env, tmp, [], cores.target);
  children.push(pt);
  const url = `http://127.0.0.1:${ptPort}`;
  await waitHttp(pt, `${url}/v1/models`);
  return { upstreamKey, simUrl, passthrough: { url, pid: pt.pid, headers: { authorization: `Bearer ${upstreamKey}` } } };
}
