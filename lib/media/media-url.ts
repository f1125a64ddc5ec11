import { isRemoteUrl } from './resolve-path';
import { contentTypeFor } from './content-type';

export type MediaSource = { src: string; type: string; remote: boolean };

/**
 * Where the browser loads an item's media: absolute http(s) URLs play straight from their
 * source; record paths ("./x/y.mp4") go through the media route, which confines them to the
 * dataset's media root.
 */
export function mediaSource(datasetId: number, recordPath: string): MediaSource {
  if (isRemoteUrl(recordPath)) return { src: recordPath, type: contentTypeFor(new URL(recordPath).pathname), remote: true };
  const segments = recordPath.replace(/^\.\//, '').split('/').filter((s) => s !== '' && s !== '.');
  return { src: `/api/media/${datasetId}/${segments.map(encodeURIComponent).join('/')}`, type: contentTypeFor(recordPath), remote: false };
}
