import { describe, expect, it } from 'vitest';
import { restartDemo } from '../graph/demoTemplates.ts';
import { readSharePayload, sharePayload, shareUrl } from './shareLink.ts';

describe('a share link of a flow with scenes', () => {
  it('carries the scenes, in order, with their faults', () => {
    const graph = restartDemo();
    const link = shareUrl(graph, 'https://example.test/app/');
    if (!link.ok) throw new Error(link.message);
    const payload = sharePayload(new URL(link.url).hash);
    expect(payload).not.toBeNull();
    const back = readSharePayload(payload!);
    expect(back.ok && back.graph.scenes).toEqual(graph.scenes);
  });
});
