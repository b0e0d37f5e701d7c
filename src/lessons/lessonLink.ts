// `#lesson=` links: a lesson file compressed into the URL fragment, read back like any untrusted file.
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import type { Problem } from '../graph/types.ts';
import { parseLessonValue, type LessonParseResult } from './lessonFile.ts';

export const LESSON_LINK_PREFIX = '#lesson=';
export const MAX_LESSON_LINK_CHARS = 100_000;

/** The link that opens this lesson file's JSON value on the page at `base`. */
export function lessonUrl(lessonJson: unknown, base: string): string {
  return `${base.split('#')[0]}${LESSON_LINK_PREFIX}${compressToEncodedURIComponent(JSON.stringify(lessonJson))}`;
}

export function lessonPayload(hash: string): string | null {
  return hash.startsWith(LESSON_LINK_PREFIX) ? hash.slice(LESSON_LINK_PREFIX.length) : null;
}

/** Never throws: a damaged link is a problem in plain words. */
export function readLessonPayload(payload: string): LessonParseResult {
  const bad = (message: string): LessonParseResult => ({ ok: false, problems: [{ message } satisfies Problem] });
  if (!payload) return bad('This lesson link is empty: it has nothing after "#lesson=".');
  if (payload.length > MAX_LESSON_LINK_CHARS) return bad(`This lesson link is longer than ${MAX_LESSON_LINK_CHARS} characters; ask for the lesson as a file.`);
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(payload);
  } catch {
    text = null;
  }
  if (!text) return bad('This lesson link is damaged (it does not decompress); it may have been cut short.');
  try {
    return parseLessonValue(JSON.parse(text));
  } catch {
    return bad('This lesson link is damaged (its content is not JSON).');
  }
}
