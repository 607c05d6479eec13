import { cardMatches, cardQuery } from "./logic";

/**
 * Shows the indicator cards ([data-card]) the filter form's values match, and the "no match" note
 * ([data-cards-empty]) when none does; returns how many.
 */
export function filterCards(form: HTMLFormElement, root: ParentNode = document): number {
  const data = new FormData(form);
  const f = cardQuery((name) => data.get(name));
  let n = 0;
  root.querySelectorAll<HTMLElement>("[data-card]").forEach((card) => {
    const ok = cardMatches(card.dataset, f);
    card.hidden = !ok;
    if (ok) n++;
  });
  root.querySelector<HTMLElement>("[data-cards-empty]")?.toggleAttribute("hidden", n > 0);
  return n;
}
