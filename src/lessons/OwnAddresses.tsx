// One line under a lesson's title: the queues this start of the lesson has to itself, and why their
// names carry a tag (lessonAddresses.ts).
import { lessonAddresses } from './lessonAddresses.ts';
import { useLesson } from './lessonStore.ts';

export function OwnAddresses() {
  const source = useLesson((s) => s.source);
  const tag = useLesson((s) => s.addressTag);
  if (!source) return null;
  const addresses = [...lessonAddresses(source.flow, tag).values()];
  if (!addresses.length) return null;
  return (
    <p className="lesson__addresses" aria-label="This lesson's queues">
      Queues of your own for this lesson:{' '}
      {addresses.map((a, i) => (
        <span key={a}>
          {i > 0 && ', '}
          <code>{a}</code>
        </span>
      ))}
      . Messages left on the broker by earlier runs do not count here.
    </p>
  );
}
