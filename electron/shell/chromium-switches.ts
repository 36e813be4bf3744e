/**
 * Chromium switches the kiosk sets before the app is ready. On Linux,
 * `speechSynthesis` has voices only through speech-dispatcher, which Chromium
 * (and so Electron) leaves off unless asked: without it the audio-only mode
 * and 读出我的信息 have no voice for free text (a citizen's own details, a
 * station's edited labels).
 */
export function chromiumSwitches(platform: NodeJS.Platform): readonly (readonly [string])[] {
  return platform === 'linux' ? [['enable-speech-dispatcher']] : [];
}
