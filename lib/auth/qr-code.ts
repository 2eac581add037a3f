import { encode } from "uqr";

/** A QR code as one SVG path (drawn on the server: no script, no image request, works under a strict CSP). */
export interface QrPath {
  /** modules per side, quiet zone included */
  size: number;
  /** the dark modules, one `M x y h1v1h-1z` square each */
  path: string;
}

export function qrPath(text: string): QrPath {
  const { data, size } = encode(text, { ecc: "M", border: 4 });
  const squares: string[] = [];
  data.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (dark) squares.push(`M${x} ${y}h1v1h-1z`);
    });
  });
  return { size, path: squares.join("") };
}
