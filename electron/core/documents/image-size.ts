// The pixel size of a PNG or JPEG from its header, to place it in a document at its proportions.
export function imageSize(data: Buffer): { width: number; height: number } {
  // PNG: the IHDR chunk right after the 8-byte signature.
  if (data.length >= 24 && data.readUInt32BE(0) === 0x89504e47) return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  // JPEG: walk the segments to a start-of-frame marker (SOF0..SOF15 but DHT, JPG and DAC).
  if (data.length >= 4 && data[0] === 0xff && data[1] === 0xd8) {
    let at = 2;
    while (at + 9 < data.length) {
      if (data[at] !== 0xff) break;
      const marker = data[at + 1]!;
      const length = data.readUInt16BE(at + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: data.readUInt16BE(at + 7), height: data.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  throw new Error('Not a PNG or JPEG image');
}
