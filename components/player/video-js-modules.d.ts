// video.js ships its core build (no HLS/DASH) as `video.js/core.es.js` without type
// declarations; it exports the same `videojs` function as the full build.
declare module 'video.js/core.es.js' {
  import videojs from 'video.js';
  export default videojs;
}

// VHS registers itself with video.js when imported; nothing of it is used by name.
declare module '@videojs/http-streaming';
