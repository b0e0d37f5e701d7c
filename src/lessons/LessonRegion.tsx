// The Lesson side region (contracts §5): the catalogue (list "Lessons"), the lesson being taken, and
// opening a lesson from a file or sharing one as a `#lesson=` link.
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { requestFitView } from '../store/actions.ts';
import { download } from '../ui/download.ts';
import { setShellClass } from '../ui/shellClasses.ts';
import { describeProblem } from '../store/noticeStore.ts';
import { loadFlow } from '../store/flowLoad.ts';
import { BUILTIN_LESSONS } from './builtin/index.ts';
import './lessons.css';
import { LessonHighlights } from './LessonHighlights.tsx';
import { OwnAddresses } from './OwnAddresses.tsx';
import { parseLessonFile, type Lesson } from './lessonFile.ts';
import { serializeLesson, lessonToFile } from './lessonExport.ts';
import { lessonUrl } from './lessonLink.ts';
import { openLessonStartup } from './lessonStartup.ts';
import { LessonSteps } from './LessonSteps.tsx';
import {
  closeLesson,
  dismissLessonProblems,
  openLesson,
  openLessonFromOutside,
  setLessonsOpen,
  showLessonProblems,
  useLesson,
} from './lessonStore.ts';
import { isComplete } from './progress.ts';

function Catalogue({ lessons, currentId }: { lessons: readonly Lesson[]; currentId: string | undefined }) {
  useLesson((s) => s.complete); // redraw the marks when the current lesson is completed
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    const item = list.current?.querySelector<HTMLElement>('[aria-current="true"]');
    if (item && list.current) list.current.scrollTop = item.offsetTop - list.current.offsetTop;
  }, [currentId]);
  return (
    <ul className="lesson__list" aria-label="Lessons" ref={list}>
      {lessons.map((l) => (
        <li key={l.id} data-lesson-id={l.id} data-complete={isComplete(l.id) ? 'true' : undefined} aria-current={l.id === currentId ? 'true' : undefined}>
          <button type="button" className="lesson__list-item" title={l.summary} onClick={() => void openLesson(l)}>
            {l.title}
          </button>
        </li>
      ))}
    </ul>
  );
}

function FileProblems() {
  const problems = useLesson((s) => s.problems);
  if (!problems.length) return null;
  return (
    <div className="lesson__problems" role="alert">
      <p>This lesson could not be opened; nothing changed:</p>
      <ul aria-label="Lesson file problems">
        {problems.map((p, i) => (
          <li key={i}>{describeProblem(p)}</li>
        ))}
      </ul>
      <button type="button" className="btn" onClick={dismissLessonProblems}>
        Dismiss
      </button>
    </div>
  );
}

function ShareLesson({ lesson }: { lesson: Lesson }) {
  const [link, setLink] = useState<string | null>(null);
  useEffect(() => setLink(null), [lesson]);
  const copy = () => {
    const url = lessonUrl(lessonToFile(lesson), location.href);
    setLink(url);
    void navigator.clipboard?.writeText(url).catch(() => undefined);
  };
  return (
    <div className="lesson__share">
      <button type="button" className="btn" onClick={copy}>
        Copy lesson link
      </button>
      <button type="button" className="btn" onClick={() => download(`${lesson.id}.amqpflow-lesson.json`, serializeLesson(lesson), 'application/json')}>
        Download lesson file
      </button>
      {link && <input className="lesson__link" readOnly value={link} aria-label="Lesson link" onFocus={(e) => e.target.select()} />}
    </div>
  );
}

export function LessonRegion() {
  const open = useLesson((s) => s.open);
  const lesson = useLesson((s) => s.lesson);
  const source = useLesson((s) => s.source);
  const opened = useLesson((s) => s.opened);
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => openLessonStartup(), []);
  // The column narrows (or widens) the canvas: fit the flow to the new size once the layout has settled.
  // Not on the first render with the column closed: that would throw away the view a reload restored.
  const shownBefore = useRef(false);
  useEffect(() => {
    setShellClass('app--lesson', open);
    if (!open && !shownBefore.current) return;
    shownBefore.current = open;
    const frame = requestAnimationFrame(() => requestFitView());
    return () => cancelAnimationFrame(frame);
  }, [open, lesson]);
  if (!open) return null;
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    // its flow is on its way: a Run pressed meanwhile waits for it
    await loadFlow(file.name, async (isNewest) => {
      const parsed = parseLessonFile(await file.text());
      if (!parsed.ok) showLessonProblems(parsed.problems);
      if (!parsed.ok || !isNewest()) return false;
      await openLessonFromOutside(parsed.lesson);
      return true;
    });
  };
  return (
    <aside className="lesson" role="region" aria-label="Lesson">
      <LessonHighlights />
      <div className="lesson__head">
        <h2>Lessons</h2>
        <button type="button" className="btn" onClick={() => fileInput.current?.click()} title="Open a .amqpflow-lesson.json file">
          Open lesson file
        </button>
        <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Lesson file to open" onChange={(e) => void onFile(e)} />
        <button type="button" className="btn btn--quiet" aria-label="Close lessons" onClick={() => setLessonsOpen(false)}>
          ×
        </button>
      </div>
      <Catalogue lessons={[...BUILTIN_LESSONS, ...opened]} currentId={lesson?.id} />
      <FileProblems />
      {lesson && (
        <article className="lesson__body" aria-label={lesson.title}>
          <div className="lesson__title-row">
            <h2 className="lesson__title">{lesson.title}</h2>
            <button type="button" className="btn btn--quiet" onClick={closeLesson}>
              Leave lesson
            </button>
          </div>
          {lesson.summary && <p className="lesson__summary">{lesson.summary}</p>}
          <OwnAddresses />
          <LessonSteps lesson={lesson} />
          <ShareLesson lesson={source ?? lesson} />
        </article>
      )}
    </aside>
  );
}
