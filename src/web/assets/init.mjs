// Progressive enhancement only: every page works without this script.
import { initAll } from '/assets/govuk-frontend.min.js';

initAll();

// GOV.UK Frontend marks a radio that reveals a question with aria-expanded, which ARIA 1.2
// does not allow on a radio (axe: aria-allowed-attr, critical). The revealed question
// follows its answer in reading order, so the attribute is removed whenever it is set.
const radios = 'input[type="radio"][aria-expanded]';
const unexpand = (root) => root.querySelectorAll(radios).forEach((radio) => radio.removeAttribute('aria-expanded'));
unexpand(document);
new MutationObserver(() => unexpand(document)).observe(document.body, {
  subtree: true,
  attributes: true,
  attributeFilter: ['aria-expanded'],
});
