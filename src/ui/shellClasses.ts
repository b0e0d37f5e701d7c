// Classes features put on the editor's <main> (presenter mode's `presenter`, for example), so a feature
// changes the page's look from its own CSS without the shell knowing it.
import { create } from 'zustand';

export const useShellClasses = create<{ classes: readonly string[] }>()(() => ({ classes: [] }));

export function setShellClass(name: string, on: boolean) {
  useShellClasses.setState((s) => {
    const has = s.classes.includes(name);
    if (has === on) return s;
    return { classes: on ? [...s.classes, name] : s.classes.filter((c) => c !== name) };
  });
}
