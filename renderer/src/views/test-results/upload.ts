// A file chosen in the window sent to the core in pieces (a page cannot name a path on this
// machine): testResults.beginUpload, then pieces of at most MAX_UPLOAD_CHUNK_BYTES as base64.
import { MAX_UPLOAD_CHUNK_BYTES } from '../../../../shared/limits.ts';
import { api } from '../../api/client.ts';

function base64(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a whole piece's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function uploadFile(file: File, onSent: (bytes: number) => void, signal: AbortSignal): Promise<string> {
  const { uploadId } = await api('testResults.beginUpload', { size: file.size });
  for (let offset = 0; offset < file.size; offset += MAX_UPLOAD_CHUNK_BYTES) {
    signal.throwIfAborted();
    const piece = new Uint8Array(await file.slice(offset, offset + MAX_UPLOAD_CHUNK_BYTES).arrayBuffer());
    await api('testResults.uploadPiece', { uploadId, offset, base64: base64(piece) });
    onSent(offset + piece.length);
  }
  return uploadId;
}
