import type { Page } from '@playwright/test';

/**
 * What a person could still change on the page: every control in the main content that is
 * neither disabled nor read-only (native fields, react-aria's visually hidden radio and checkbox
 * inputs, date segments, selects, anything editable), and every enabled button, by accessible
 * name. Left out: what no person can reach (inside `aria-hidden`: react-aria's copies of a date or
 * a select for the browser's autofill, unfocusable), and what lies inside `exempt` (reported apart).
 */
export interface Inventory {
  editable: string[];
  buttons: string[];
  /** Editable controls inside the exempt containers. */
  exempt: string[];
}

export function inventory(page: Page, exempt = ''): Promise<Inventory> {
  return page.evaluate((exemptSelector) => {
    const main = document.querySelector('main');
    if (!main) return { editable: [], buttons: [], exempt: [] };
    const nameOf = (el: Element): string => {
      const labelledBy = el.getAttribute('aria-labelledby');
      const byIds = labelledBy
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .filter(Boolean)
        .join(' ');
      const label = el.getAttribute('aria-label') ?? byIds ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '';
      return label.replace(/\s+/g, ' ').trim();
    };
    const off = (el: Element): boolean =>
      (el as HTMLInputElement).disabled === true ||
      el.getAttribute('aria-disabled') === 'true' ||
      el.closest('fieldset:disabled, [aria-disabled="true"], [data-disabled]') !== null;
    const readOnly = (el: Element): boolean =>
      (el as HTMLInputElement).readOnly === true ||
      el.getAttribute('aria-readonly') === 'true' ||
      el.closest('[aria-readonly="true"], [data-readonly]') !== null;
    const fields = main.querySelectorAll(
      'input:not([type="hidden"]), textarea, select, [contenteditable="true"], [role="textbox"], [role="spinbutton"], [role="combobox"], [role="slider"], [role="searchbox"]',
    );
    const reachable = (el: Element) => el.closest('[aria-hidden="true"]') === null;
    const isExempt = (el: Element) => exemptSelector !== '' && el.closest(exemptSelector) !== null;
    const describe = (el: Element) => `${el.getAttribute('role') ?? (el as HTMLInputElement).type ?? el.tagName.toLowerCase()}: ${nameOf(el)}`;
    const open = [...fields].filter((el) => reachable(el) && !off(el) && !readOnly(el));
    const buttons = [...main.querySelectorAll('button, [role="button"]')].filter((el) => reachable(el) && !off(el) && !isExempt(el)).map(nameOf);
    const unique = (list: string[]) => [...new Set(list)].sort();
    return {
      editable: unique(open.filter((el) => !isExempt(el)).map(describe)),
      buttons: unique(buttons),
      exempt: unique(open.filter(isExempt).map(describe)),
    };
  }, exempt);
}
