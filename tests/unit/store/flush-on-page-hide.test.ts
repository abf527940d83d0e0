// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushOnPageHide } from '../../../src/store/autosave.ts';

function counter() {
  const flushes: number[] = [];
  return { flushes, autosave: { flush: async () => { flushes.push(flushes.length + 1); return { state: 'idle' as const }; } } };
}

describe('flushOnPageHide', () => {
  it('flushes on pagehide and on visibilitychange to hidden, not to visible, and stops when removed', () => {
    const { flushes, autosave } = counter();
    const remove = flushOnPageHide(autosave, window);
    window.dispatchEvent(new Event('pagehide'));
    expect(flushes).toHaveLength(1);

    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toHaveLength(1);
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toHaveLength(2);

    remove();
    window.dispatchEvent(new Event('pagehide'));
    document.dispatchEvent(new Event('visibilitychange'));
    expect(flushes).toHaveLength(2);
  });
});
