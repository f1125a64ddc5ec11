import { describe, expect, it } from 'vitest';
import { captionIndexAt, distinctCaptions, parseRepresentation } from '@/lib/cot/representation';
import { formatRejectReason } from '@/lib/review/reject-reasons';
import { mediaSource } from '@/lib/media/media-url';

describe('the representation shown on the timeline', () => {
  it('keeps frames with valid timestamps, in time order, with their objects and actions', () => {
    const rep = parseRepresentation({
      video_caption: 'A ball rolls.',
      frames: [
        { timestamp: '00:00:02', caption: 'later', key_elements: { objects: ['ball'], actions: ['rolls'] } },
        { timestamp: 'soon', caption: 'unparseable time' },
        { timestamp: '00:00:00', caption: 'first' },
      ],
    });
    expect(rep).toEqual({
      videoCaption: 'A ball rolls.',
      frames: [
        { seconds: 0, timestamp: '00:00:00', caption: 'first', objects: [], actions: [] },
        { seconds: 2, timestamp: '00:00:02', caption: 'later', objects: ['ball'], actions: ['rolls'] },
      ],
    });
  });

  it('degrades malformed model output to no representation instead of failing the page', () => {
    expect(parseRepresentation(null)).toBeNull();
    expect(parseRepresentation({ frames: 'not a list' })).toBeNull();
    expect(parseRepresentation('free text')).toBeNull();
  });
});

describe('small review helpers', () => {
  it('stores a rejection as the reason label and the note', () => {
    expect(formatRejectReason('wrong-answer', '  says 4, there are 5 ')).toBe('Wrong final answer — says 4, there are 5');
    expect(formatRejectReason('text-leak', '')).toBe('Reveals it reasoned from text');
  });

  it('routes record paths through the media route and plays http(s) URLs from their source', () => {
    expect(mediaSource(7, './LLaVA-Video-178K/a b/x.mp4')).toEqual({ src: '/api/media/7/LLaVA-Video-178K/a%20b/x.mp4', type: 'video/mp4', remote: false });
    expect(mediaSource(7, 'https://cdn.example.org/v/clip.webm?sig=1')).toEqual({ src: 'https://cdn.example.org/v/clip.webm?sig=1', type: 'video/webm', remote: true });
  });
});

describe('the caption timeline', () => {
  const rep = parseRepresentation({
    frames: [0, 1, 2].map((s) => ({ timestamp: `00:00:0${s}`, caption: `On a dark background, the frame shows ${['a red ball', 'a blue ball', 'nothing'][s]}.` })),
  });

  it('shows the caption in force at the playhead: the last one at or before it', () => {
    expect([-1, 0, 0.99, 1, 2.5].map((t) => captionIndexAt(rep, t))).toEqual([-1, 0, 0, 1, 2]);
    expect(captionIndexAt(null, 3)).toBe(-1);
  });

  it('labels segments by what differs between captions', () => {
    expect(distinctCaptions(rep!.frames.map((f) => f.caption))).toEqual(['a red ball.', 'a blue ball.', 'nothing.']);
    expect(distinctCaptions(['only one caption'])).toEqual(['only one caption']);
  });
});
