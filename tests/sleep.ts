/**
 * The one real-time pause the tests may take. Most waits are not pauses: move a
 * manual clock (core/clock.ts), poll for what the user would see (`expect.poll`,
 * a locator's `waitFor`), or hold the kiosk's answer (`page.route`). What is left
 * here waits for something outside any clock — a child process, a PTY, a real
 * serial line, a page's own timer — and says so in `why`. ESLint refuses a
 * hand-made sleep anywhere else in tests/.
 */
export function sleep(ms: number, why: string): Promise<void> {
  void why;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
