declare module 'fontkit' {
  /** The parts of a parsed fontkit font Reclamo relies on; PDFKit uses the rest. */
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
