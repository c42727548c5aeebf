// Colours: the platform's own primary colour and the WCAG contrast check for sub-platform colours.
// (Computed here rather than imported from @cmmm/reference/sub-platforms, which pulls in the region data.)

/** antd blue-7: 5.9:1 against white text (antd's default #1677ff is only 4.1:1). */
export const PLATFORM_PRIMARY = '#0958d9';
/**
 * Text colours for antd's status tags that pass WCAG AA (4.5:1) on the tags' light backgrounds; antd's
 * own (#52c41a, #faad14, #ff4d4f, #1677ff) do not. The same hues, darker: green still means done or
 * valid, orange waiting, red refused, blue under way.
 */
export const TAG_TEXT = { success: '#237804', warning: '#ad4e00', error: '#cf1322', processing: '#0958d9' } as const;

/**
 * antd writes a preset-colour tag (color="gold", …) in shade 7 of its palette on shade 1; for these
 * hues that is below 4.5:1 (gold 2.8:1, green 3.4:1). A darker shade of the same hue instead, each
 * ≥ 5:1 on its tag's background and on a table row's hover grey.
 */
export const PRESET_TAG_TEXT = {
  volcano7: '#ad2102',
  orange7: '#ad4e00',
  gold7: '#946200',
  yellow7: '#876800',
  lime7: '#3f6600',
  green7: '#237804',
  cyan7: '#006d75',
} as const;

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
