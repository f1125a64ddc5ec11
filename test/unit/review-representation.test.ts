import { describe, expect, it } from 'vitest';
import { parseRepresentation } from '@/lib/review/representation';
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
