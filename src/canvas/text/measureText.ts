// The width a text would take in an element's own font, measured on a canvas (no layout needed).

let measureContext: CanvasRenderingContext2D | null | undefined;

export function textWidthIn(el: Element, text: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return 0;
  const style = getComputedStyle(el);
  measureContext.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measureContext.measureText(text).width;
}
