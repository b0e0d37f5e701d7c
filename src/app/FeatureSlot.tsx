// Draws one part (run controls, toolbar items, regions or overlays) of every loaded feature, in feature order.
import { Fragment } from 'react';
import { useFeatures } from './features.ts';

export function FeatureSlot({ part }: { part: 'run' | 'toolbar' | 'regions' | 'overlays' }) {
  const features = useFeatures((s) => s.list);
  return features.map((f) => (
    <Fragment key={f.id}>
      {(f[part] ?? []).map((Part, i) => (
        <Part key={i} />
      ))}
    </Fragment>
  ));
}
