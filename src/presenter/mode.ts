// Presenter mode (`?present=1` or the toolbar's Present toggle) and the read-only embeddable view (`?embed=1`).
import { create } from 'zustand';

const flag = (search: string, name: string): boolean => {
  const v = new URLSearchParams(search).get(name);
  return v !== null && v !== '0' && v !== 'false';
};

/** True when the page was opened as the embeddable view (`?embed=1`). */
export const isEmbed = (search: string = location.search): boolean => flag(search, 'embed');

/** The recording an embed should play (`?embed=1&recording=<url>`), or null. */
export const embedRecordingUrl = (search: string = location.search): string | null => new URLSearchParams(search).get('recording') || null;

interface PresenterState {
  on: boolean;
  /** the node whose note is being edited, or null */
  editing: string | null;
}

export const usePresenter = create<PresenterState>()(() => ({
  on: typeof location !== 'undefined' && flag(location.search, 'present'),
  editing: null,
}));

export function setPresenting(on: boolean) {
  usePresenter.setState({ on, editing: null });
  // Leaving drops ?present=1 from the address, so a reload does not bring presenter mode back.
  if (!on && typeof location !== 'undefined' && new URLSearchParams(location.search).has('present')) {
    const params = new URLSearchParams(location.search);
    params.delete('present');
    const search = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${search ? `?${search}` : ''}${location.hash}`);
  }
}

/** The canvas gains the palette's and inspector's room: the view fits the flow again, so its type grows too. */
export function onPresentingChange(listener: (on: boolean) => void): () => void {
  return usePresenter.subscribe((s, prev) => {
    if (s.on !== prev.on) listener(s.on);
  });
}

export const togglePresenting = () => setPresenting(!usePresenter.getState().on);

export const editNote = (nodeId: string | null) => usePresenter.setState({ editing: nodeId });
