/**
 * react-aria's press handling adds one fixed <style> (a touch-action rule). It is allowed by the
 * hash of its exact text and nothing else; the end-to-end tests fail on any CSP violation.
 */
const REACT_ARIA_PRESS_STYLE = "'sha256-38RhXrc7EdReTKsOm23ZPOCUgniTUUcjky8QOOrQx6o='";

/** The renderer's Content-Security-Policy: own files only, no eval, no remote origins. */
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  `style-src 'self' ${REACT_ARIA_PRESS_STYLE}`,
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Vite's dev server injects styles and a websocket for hot reload; only then is the policy relaxed. */
export const DEV_CSP = CSP.replace(`style-src 'self' ${REACT_ARIA_PRESS_STYLE}`, "style-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
);
