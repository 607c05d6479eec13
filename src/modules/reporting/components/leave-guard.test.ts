import { describe, expect, it } from "vitest";
import { makeLeaveGuard } from "./leave-guard";

// Node's Event has a read-only returnValue; a browser's BeforeUnloadEvent lets it be set.
class UnloadEvent extends Event {
  override returnValue = true;
}

class Link extends EventTarget {
  closest() {
    return { getAttribute: () => null };
  }
}

function setup(answer: boolean) {
  const win = new EventTarget();
  const doc = new EventTarget();
  const asked: string[] = [];
  const guard = makeLeaveGuard(win, doc, (m) => (asked.push(m), answer));
  const clickLink = () => {
    const e = new Event("click", { cancelable: true });
    Object.assign(e, { button: 0 });
    Object.defineProperty(e, "target", { value: new Link() });
    doc.dispatchEvent(e);
    return e;
  };
  const unload = () => {
    const e = new UnloadEvent("beforeunload", { cancelable: true });
    win.dispatchEvent(e);
    return e;
  };
  return { guard, asked, clickLink, unload };
}

describe("the unsaved-work guard shared by the forms of a page", () => {
  it("asks once per click however many forms are dirty, and stops when the last lets go", () => {
    const { guard, asked, clickLink, unload } = setup(false);
    const a = guard.hold("Rời trang?");
    const b = guard.hold("Rời trang?");
    expect(clickLink().defaultPrevented).toBe(true);
    expect(asked).toHaveLength(1);
    expect(unload().defaultPrevented).toBe(true);
    a();
    a(); // letting go twice counts once
    expect(guard.holders()).toBe(1);
    expect(unload().defaultPrevented).toBe(true);
    b();
    expect(guard.holders()).toBe(0);
    expect(clickLink().defaultPrevented).toBe(false);
    expect(unload().defaultPrevented).toBe(false);
    expect(asked).toHaveLength(1);
  });

  it("lets the navigation go on when the user agrees", () => {
    const { guard, clickLink } = setup(true);
    guard.hold("Leave?");
    expect(clickLink().defaultPrevented).toBe(false);
  });
});
