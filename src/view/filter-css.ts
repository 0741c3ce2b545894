/**
 * CSS that lets the compare page's topic filter work without JavaScript: one
 * rule per topic hides the rows that do not carry it while its option is
 * selected (the kind filter has the same rules written out in compare.css).
 * With JavaScript the page gets `.js` and the script filters instead.
 */

/** Topic ids are keys (lowercase letters, digits, hyphens); anything else is refused rather than escaped. */
const SAFE_ID = /^[a-z][a-z0-9-]*$/;

export function topicFilterCss(topicIds: readonly string[]): string {
  const rules = topicIds.map((id) => {
    if (!SAFE_ID.test(id)) throw new Error(`topicFilterCss: "${id}" is not a topic key (lowercase letters, digits and hyphens).`);
    return `.compare:not(.js):has(#filter-topic option[value='${id}']:checked) .row:not([data-topics~='${id}'])`;
  });
  return rules.length ? `/* Topic filter without JavaScript. */\n${rules.join(',\n')} { display: none; }\n` : '';
}
