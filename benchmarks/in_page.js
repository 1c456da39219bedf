// Timings taken inside the page, so that Playwright's and Python's own delays are not counted.
// window.__bench.watch(want, timeoutMs): from the next pointerup or click (the end of the
// press) until `want` is in Flutter's accessibility tree; the result (ms, or null when it
// never came) is the promise window.__bench.result.
// window.__bench.first: ms from navigation start until the text set by setFirst() appeared,
// with the accessibility tree switched on as the e2e tests do (a click on its placeholder).
(() => {
  const nameOf = (node) => (node.getAttribute("aria-label") || node.textContent || "").trim();
  const present = (want) => {
    const nodes = document.querySelectorAll(want.heading ? "h1" : "flt-semantics-host *");
    for (const node of nodes) {
      if (nameOf(node) === want.text) return true;
    }
    return false;
  };
  const bench = {
    result: null,
    first: null,
    watch(want, timeoutMs) {
      bench.result = new Promise((resolve) => {
        let start = null;
        const pressed = (event) => {
          if (start === null) start = event.timeStamp;
          check();
        };
        const done = (value) => {
          observer.disconnect();
          clearTimeout(timer);
          window.removeEventListener("pointerup", pressed, true);
          window.removeEventListener("click", pressed, true);
          resolve(value);
        };
        const check = () => {
          if (start !== null && present(want)) done(performance.now() - start);
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const timer = setTimeout(() => done(null), timeoutMs);
        window.addEventListener("pointerup", pressed, true);
        window.addEventListener("click", pressed, true);
      });
    },
  };
  window.__bench = bench;
  const first = window.__benchFirst;
  if (!first) return;
  let enabled = false;
  const observer = new MutationObserver(() => {
    if (!enabled) {
      const placeholder = document.querySelector("flt-semantics-placeholder");
      if (placeholder) {
        enabled = true;
        placeholder.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true }));
      }
    }
    if (present(first)) {
      bench.first = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();
