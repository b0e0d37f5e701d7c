// The "Slow motion" switch for teaching: when on, edges show each transfer moving on its own.
import { create } from 'zustand';

export const useSlowMotion = create<{ on: boolean }>()(() => ({ on: false }));
export const setSlowMotion = (on: boolean) => useSlowMotion.setState({ on });
