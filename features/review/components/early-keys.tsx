// Until the review page is interactive, J and K presses are remembered by this inline script;
// useListStep takes the last one when it mounts. Keys typed into a field are not commands.
const SCRIPT = `(function(){if(window.__cotEarlyKeys===null)return;window.__cotEarlyKeys=[];function h(e){var k=window.__cotEarlyKeys;if(!k){removeEventListener('keydown',h,true);return}var t=e.target&&e.target.tagName;if(e.ctrlKey||e.metaKey||e.altKey||t==='INPUT'||t==='TEXTAREA'||t==='SELECT')return;var c=(e.key||'').toLowerCase();if(c==='j'||c==='k')k.push(c)}addEventListener('keydown',h,true)})();`;

/** `nonce`: this request's CSP nonce (an inline script runs only with it). */
export function EarlyKeys({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SCRIPT }} suppressHydrationWarning />;
}
