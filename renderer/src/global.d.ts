// What the Electron preload puts on the page. Absent in a plain browser on the web host.
import type { FieldbookBridge } from '../../shared/bridge.ts';

declare global {
  interface Window {
    readonly fieldbook?: FieldbookBridge;
  }
}
