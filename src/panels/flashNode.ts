// Draws the eye to one canvas node for a moment (a CSS class on its element), without selecting it.
const FLASH_MS = 1600;
const timers = new Map<string, ReturnType<typeof setTimeout>>();

export function flashNode(nodeId: string) {
  const el = document.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(nodeId)}"]`);
  if (!el) return;
  el.classList.remove('node--flash');
  void el.offsetWidth; // restart the animation when the same node is flashed again
  el.classList.add('node--flash');
  clearTimeout(timers.get(nodeId));
  timers.set(nodeId, setTimeout(() => el.classList.remove('node--flash'), FLASH_MS));
}
