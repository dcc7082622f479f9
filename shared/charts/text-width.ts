// How wide a chart's text is, for ECharts' layout (wrapping and shortening labels, leaving room
// for the axes' numbers). ECharts measures with a canvas where there is one and with a guess
// where there is none, so the window and the Node core would lay the same chart out differently.
// Measured here instead, alike everywhere, with the advance widths of Noto Sans, the font the
// documents embed and the PNG is drawn with: the same chart gives the same SVG on the screen and
// in a document, and its text fits where it is drawn.

/**
 * Advance widths of the printable ASCII characters (space to ~) in thousandths of the font size,
 * from resources/fonts/NotoSans-Regular.ttf and NotoSans-Bold.ttf (test/unit/charts.test.ts
 * checks them against the files).
 */
export const ADVANCES = {
  regular: [
    260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434, 899, 639, 650, 632, 730,
    556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781, 605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444, 281, 561, 615, 480, 615, 564, 344, 615, 618, 258,
    258, 534, 258, 935, 618, 605, 615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
  ],
  bold: [
    260, 282, 479, 646, 572, 902, 750, 266, 339, 339, 542, 572, 285, 320, 281, 415, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 281, 285, 572, 572, 572, 477, 898, 692, 665, 642, 732,
    560, 549, 724, 765, 389, 331, 664, 559, 943, 813, 791, 621, 791, 656, 551, 577, 756, 650, 967, 670, 626, 579, 331, 415, 331, 572, 411, 365, 599, 632, 516, 632, 597, 387, 632, 650, 299,
    298, 620, 298, 975, 650, 625, 632, 632, 447, 502, 434, 650, 571, 856, 578, 571, 493, 394, 551, 394, 572,
  ],
} as const;

/** Any other letter (Greek, Cyrillic, ß) as wide as the average Greek and Cyrillic letter of the face. */
const OTHER = { regular: 640, bold: 690 } as const;

/** The width of `text` in a CSS font such as ECharts gives ("bold 12px 'Noto Sans', sans-serif"). */
export function measureText(text: string, font = ''): { width: number } {
  const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 12);
  const face = /\bbold\b|\b[6-9]00\b/.test(font) ? 'bold' : 'regular';
  let width = 0;
  for (const char of text) {
    // A letter with accents (ä, é) is as wide as its base letter; a space of any kind as a space.
    const base = /\s/.test(char) ? ' ' : char.normalize('NFD')[0]!;
    width += ADVANCES[face][base.charCodeAt(0) - 32] ?? OTHER[face];
  }
  return { width: (width * size) / 1000 };
}
