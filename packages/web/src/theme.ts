// Colours: the platform's own primary colour and the WCAG contrast check for sub-platform colours.
// (Computed here rather than imported from @cmmm/reference/sub-platforms, which pulls in the region data.)

/** antd blue-7: 5.9:1 against white text (antd's default #1677ff is only 4.1:1). */
export const PLATFORM_PRIMARY = '#0958d9';
export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
export const AA_CONTRAST = 4.5;

function luminance(hex: string): number | undefined {
  if (!HEX_COLOUR.test(hex)) return undefined;
  const linear = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (linear[0] ?? 0) + 0.7152 * (linear[1] ?? 0) + 0.0722 * (linear[2] ?? 0);
}

/** WCAG 2.x contrast ratio of white text on the colour; undefined when it is not #RRGGBB. */
export function contrastWithWhite(hex: string): number | undefined {
  const l = luminance(hex);
  return l === undefined ? undefined : 1.05 / (l + 0.05);
}

/** An SVG logo as an <img> source: the browser renders it without running any script in it. */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
