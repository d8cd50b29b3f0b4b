import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCardHost } from '../../lib/content/card-host';

describe("the card's host", () => {
  afterEach(() => vi.restoreAllMocks());

  it('is not made until a card needs it: a page that never shows one gets no element, not even a detached one', () => {
    const make = vi.spyOn(document, 'createElement');
    const host = createCardHost(document, ':host { color: red; }');
    const entered: string[] = [];
    host.listen('pointerenter', () => entered.push('enter'), {});
    expect(host.element).toBeNull();
    expect(host.contains(document.body)).toBe(false);
    expect(host.activeElement()).toBeNull();
    host.remove();
    expect(make).not.toHaveBeenCalled();

    const element = host.attach();
    expect(make).toHaveBeenCalledTimes(2);
    expect(host.element).toBe(element);
    expect(document.documentElement.lastElementChild).toBe(element);
    expect(host.contains(host.mount)).toBe(true);
    // A listener asked for before the host existed is on it now, and one asked for after is added at once.
    host.listen('pointerleave', () => entered.push('leave'), {});
    element.dispatchEvent(new Event('pointerenter'));
    element.dispatchEvent(new Event('pointerleave'));
    expect(entered).toEqual(['enter', 'leave']);
    host.remove();
    expect(element.isConnected).toBe(false);
  });
});
