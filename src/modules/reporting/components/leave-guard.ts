// One warning for unsaved work however many forms on the page hold some: each dirty form holds
// the guard, the listeners are on while anyone holds it, and one click asks once (two forms each
// with their own listeners asked twice, and the second answer decided).
type Target = Pick<EventTarget, "addEventListener" | "removeEventListener">;

export function makeLeaveGuard(win: Target, doc: Target, confirm: (message: string) => boolean) {
  let holders = 0;
  let message = "";
  const beforeUnload = (e: Event) => {
    e.preventDefault();
    (e as BeforeUnloadEvent).returnValue = "";
  };
  const click = (e: Event) => {
    const m = e as MouseEvent;
    const a = (m.target as Element | null)?.closest?.("a[href]");
    if (
      !a ||
      m.defaultPrevented ||
      m.button !== 0 ||
      m.metaKey ||
      m.ctrlKey ||
      m.shiftKey ||
      a.getAttribute("target") === "_blank"
    )
      return;
    if (!confirm(message)) {
      m.preventDefault();
      m.stopPropagation();
    }
  };
  return {
    /** Holds the guard with `text` as the question; the returned function lets go. */
    hold(text: string): () => void {
      message = text;
      if (holders++ === 0) {
        win.addEventListener("beforeunload", beforeUnload);
        doc.addEventListener("click", click, { capture: true });
      }
      let held = true;
      return () => {
        if (!held) return;
        held = false;
        if (--holders === 0) {
          win.removeEventListener("beforeunload", beforeUnload);
          doc.removeEventListener("click", click, { capture: true });
        }
      };
    },
    holders: () => holders,
  };
}
