// The features the shell plugs in, in toolbar order. Each is a module whose default export is a
// Feature (src/ui/feature.ts); all load together just after the first paint, so none weighs on it.
import { create } from 'zustand';
import type { Feature } from '../ui/feature.ts';

type FeatureModule = { default: Feature };

export const FEATURE_MODULES: readonly (() => Promise<FeatureModule>)[] = [
  () => import('../share/feature.tsx'),
  () => import('../diagrams/feature.tsx'),
  () => import('../codegen/feature.tsx'),
  () => import('../record/feature.tsx'),
  () => import('../compare/feature.tsx'),
  () => import('../faults/feature.tsx'),
  () => import('../presenter/feature.tsx'),
  () => import('../lessons/feature.tsx'),
];

/** The loaded features (empty until they arrive). */
export const useFeatures = create<{ list: readonly Feature[] }>()(() => ({ list: [] }));

let loading: Promise<void> | null = null;

export function loadFeatures(): Promise<void> {
  loading ??= Promise.all(FEATURE_MODULES.map((load) => load())).then((modules) => {
    useFeatures.setState({ list: modules.map((m) => m.default) });
  });
  return loading;
}
