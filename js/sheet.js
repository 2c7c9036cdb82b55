// Styles for the package's shadow roots, as constructable stylesheets (adoptedStyleSheets), so a page
// under a strict Content-Security-Policy (`style-src 'self'`, no 'unsafe-inline') shows the widget and
// the badge as designed: no <style> element and no style attribute is ever written. Each stylesheet is
// built once per document and shared by every shadow root that uses it.
//
// Browsers without constructable stylesheets (Safari before 16.4) get a <style> element instead; under
// a strict CSP they then show unstyled boxes, and nothing else breaks.
const cache = new WeakMap();

function constructable(doc) {
  const view = doc.defaultView;
  return !!view && typeof view.CSSStyleSheet === 'function' && 'replaceSync' in view.CSSStyleSheet.prototype
    && 'adoptedStyleSheets' in view.ShadowRoot.prototype;
}

/** Applies `text` to a shadow root. */
export function adoptStyles(root, text) {
  const doc = root.ownerDocument ?? document;
  if (constructable(doc)) {
    try {
      let sheets = cache.get(doc);
      if (!sheets) cache.set(doc, (sheets = new Map()));
      let sheet = sheets.get(text);
      if (!sheet) {
        // Constructed in the root's own document: a sheet can only be adopted there.
        sheet = new doc.defaultView.CSSStyleSheet();
        sheet.replaceSync(text);
        sheets.set(text, sheet);
      }
      if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      return;
    } catch {
      /* fall through to a <style> element */
    }
  }
  const style = doc.createElement('style');
  style.textContent = text;
  root.prepend(style);
}
