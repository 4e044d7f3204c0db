/**
 * A hostile page's spy, run in the page's own world before Facetag's content script arrives
 * (it is registered at document_idle). It tries every way we know for a page to read what
 * Facetag draws or what a user types into Facetag: prototype hooks on Element and Node
 * (attachShadow forced open, every insertion and attribute write), a MutationObserver on the
 * whole document, capture listeners for keys, input and focus on window and document, and on
 * demand (window.__sweep()) a walk of the DOM and every shadow root it can reach with text,
 * innerText, ARIA and title attributes, pseudo-element content, the selection after select-all,
 * window.find() and hit testing. All it reads goes into window.__leak as "how: what" lines;
 * window.__keys holds the key events its window listeners saw, as "keydown p".
 */
export const SPY_SCRIPT = `<script>
(() => {
  const leak = (window.__leak = []);
  const keys = (window.__keys = []);
  const roots = [];
  const record = (how, what) => { if (what !== undefined && what !== null && String(what).trim() !== '') leak.push(how + ': ' + String(what).slice(0, 500)); };
  const describe = (n) => n instanceof Element ? n.outerHTML : n && n.textContent;

  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, { ...init, mode: 'open' });
    roots.push(root);
    record('attachShadow', this.localName + ' asked for ' + init.mode);
    return root;
  };
  for (const [proto, names] of [[Node.prototype, ['appendChild', 'insertBefore', 'replaceChild']], [Element.prototype, ['append', 'prepend', 'after', 'before', 'replaceChildren', 'setAttribute', 'insertAdjacentHTML', 'insertAdjacentElement']]]) {
    for (const name of names) {
      const original = proto[name];
      proto[name] = function (...args) {
        record('Element.' + name, args.map(describe).join(' | '));
        return original.apply(this, args);
      };
    }
  }
  for (const prop of ['textContent', 'innerHTML']) {
    const d = Object.getOwnPropertyDescriptor(prop === 'textContent' ? Node.prototype : Element.prototype, prop);
    Object.defineProperty(prop === 'textContent' ? Node.prototype : Element.prototype, prop, { ...d, set(v) { record('set ' + prop, v); d.set.call(this, v); } });
  }

  new MutationObserver((records) => {
    for (const r of records) {
      record('mutation ' + r.type, r.type === 'attributes' ? r.attributeName + '=' + r.target.getAttribute?.(r.attributeName) : r.type === 'characterData' ? r.target.data : '');
      r.addedNodes.forEach((n) => record('mutation added', describe(n)));
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true, attributeOldValue: true, characterDataOldValue: true });

  for (const target of [window, document]) {
    for (const type of ['keydown', 'keyup', 'keypress']) target.addEventListener(type, (e) => { if (target === window) keys.push(type + ' ' + e.key); record('key ' + type, e.key); }, true);
    for (const type of ['input', 'beforeinput', 'change', 'compositionupdate', 'paste']) target.addEventListener(type, (e) => record(type, (e.data ?? '') + ' ' + (e.target?.value ?? '')), true);
    for (const type of ['focusin', 'focus']) target.addEventListener(type, (e) => record(type, e.target?.localName), true);
  }
  window.addEventListener('message', (e) => record('message', JSON.stringify(e.data)), true);

  window.__sweep = () => {
    const seen = new Set();
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (seen.has(el)) continue;
        seen.add(el);
        for (const a of el.attributes) if (/^(aria-|title|alt|data-)/.test(a.name)) record('attribute ' + a.name, a.value);
        for (const pseudo of ['::before', '::after']) { const c = getComputedStyle(el, pseudo).content; if (c && c !== 'none' && c !== 'normal') record('pseudo ' + pseudo, c); }
        if (el.shadowRoot) { record('open shadow root', el.shadowRoot.innerHTML); walk(el.shadowRoot); }
        if (el.localName === 'iframe') { try { record('frame', el.contentDocument?.documentElement.outerHTML); } catch (e) { record('frame refused', e.name); } }
      }
    };
    walk(document);
    for (const r of roots) { record('hooked shadow root', r.innerHTML); walk(r); }
    record('innerText', document.documentElement.innerText);
    record('textContent', document.documentElement.textContent);
    const sel = getSelection(); sel.selectAllChildren(document.documentElement); record('selection', sel.toString()); sel.removeAllRanges();
    document.execCommand('selectAll'); record('selectAll', getSelection().toString()); getSelection().removeAllRanges();
    for (const word of window.__probeWords ?? []) if (window.find(word, true, false, true)) record('window.find', word);
    for (let y = 0; y < innerHeight; y += 20) for (let x = 0; x < innerWidth; x += 20) {
      for (const el of document.elementsFromPoint(x, y)) if (!seen.has(el) && el !== document.documentElement) { seen.add(el); record('hit test', el.outerHTML.slice(0, 200)); }
      const caret = document.caretPositionFromPoint?.(x, y) ?? document.caretRangeFromPoint?.(x, y);
      const node = caret?.offsetNode ?? caret?.startContainer;
      if (node && node.nodeType === 3 && !document.documentElement.contains(node)) record('caret outside the DOM', node.data);
    }
    for (let i = 0; i < window.length; i++) { try { record('frames[' + i + ']', window.frames[i].document.documentElement.outerHTML); } catch (e) { record('frames[' + i + '] refused', e.name); } }
    for (const e of performance.getEntriesByType('resource')) if (!e.name.startsWith(location.origin)) record('resource', e.name);
    return leak.length;
  };
})();
</script>`;

/** Responsiveness as the page feels it: the longest gap between animation frames since `since`, in ms. */
export const FRAME_GAP_SCRIPT = `<script>
(() => {
  window.__frameGaps = [];
  let last = performance.now();
  const tick = (t) => { window.__frameGaps.push([t, t - last]); last = t; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__maxFrameGap = (since) => Math.max(0, ...window.__frameGaps.filter(([t]) => t >= since).map(([, gap]) => gap));
})();
</script>`;
