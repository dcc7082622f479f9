// The render thread: a document's data in, the bytes of its file out. It touches no database, so
// the core's thread goes on answering reads and saves while a long document renders here.
import { parentPort, workerData } from 'node:worker_threads';
import { loadFonts, renderDocument } from '../documents/render.ts';
import type { RenderReply, RenderRequest, RenderThreadData } from './messages.ts';

if (!parentPort) throw new Error('render-thread.ts runs as a worker thread');
const port = parentPort;
const { resourcesDir } = workerData as RenderThreadData;

async function answer({ id, source, format }: RenderRequest): Promise<void> {
  let reply: RenderReply;
  try {
    reply = { id, bytes: await renderDocument(source, format, loadFonts(resourcesDir)) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  // Copied, not transferred: a small Buffer's memory can be part of a pool other Buffers share.
  port.postMessage(reply);
}

// Failures are answered inside: a rendering that throws becomes an error reply.
port.on('message', (request: RenderRequest) => void answer(request));
