/**
 * What component tests need of jsdom, imported first by each `*.test.tsx`: jest-dom's matchers and
 * a no-op ResizeObserver (Fluent's MessageBar observes its size; jsdom has no ResizeObserver).
 */
import "@testing-library/jest-dom";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  Object.assign(window, { ResizeObserver: NoopResizeObserver });
}
