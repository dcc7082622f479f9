// Reading a chosen logo file into the data URL the API stores, refusing what the API would
// refuse (type, size) before reading megabytes for nothing.

/** The API's limit on the data URL, which is about 4/3 of the file. */
const MAX_BYTES = 2 * 1024 * 1024;
const TYPES = ['image/png', 'image/jpeg'];

export type LogoRead = { dataUrl: string } | { problem: 'type' | 'size' };

export function readLogo(file: File): Promise<LogoRead> {
  if (!TYPES.includes(file.type)) return Promise.resolve({ problem: 'type' });
  if (file.size > MAX_BYTES) return Promise.resolve({ problem: 'size' });
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsDataURL leaves a string; the check only tells TypeScript so.
    reader.onload = () =>
      typeof reader.result === 'string' ? resolve({ dataUrl: reader.result }) : reject(new Error('The file could not be read'));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsDataURL(file);
  });
}
