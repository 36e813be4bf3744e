/** Simple line icons drawn for the kiosk (no emblem: the police emblem may not be used decoratively). */

export function ShieldIcon() {
  return (
    <svg className="icon-shield" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <path
        d="M24 3 6 10v12c0 11 7.7 19.6 18 23 10.3-3.4 18-12 18-23V10L24 3z"
        fill="currentColor"
      />
      <path
        d="m16 24 6 6 11-12"
        fill="none"
        stroke="#fff"
        strokeWidth="4"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function CardReaderIcon({ reading }: { readonly reading: boolean }) {
  return (
    <svg
      className={`icon-reader${reading ? ' is-reading' : ''}`}
      viewBox="0 0 320 200"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="20" y="110" width="280" height="70" rx="14" fill="#1f3b63" />
      <rect x="40" y="124" width="240" height="40" rx="8" fill="#2c5490" />
      <g className="icon-reader-card">
        <rect
          x="70"
          y="20"
          width="180"
          height="112"
          rx="10"
          fill="#fff"
          stroke="#0a4aa6"
          strokeWidth="4"
        />
        <rect x="86" y="38" width="48" height="60" rx="4" fill="#c9d8ee" />
        <rect x="146" y="42" width="88" height="10" rx="5" fill="#9fb6d8" />
        <rect x="146" y="62" width="70" height="10" rx="5" fill="#9fb6d8" />
        <rect x="146" y="82" width="80" height="10" rx="5" fill="#9fb6d8" />
        <rect x="86" y="108" width="148" height="10" rx="5" fill="#9fb6d8" />
      </g>
      <path d="M160 0v12" stroke="#0a4aa6" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg className="icon-check" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="22" fill="currentColor" />
      <path
        d="m13 25 7 7 15-16"
        fill="none"
        stroke="#fff"
        strokeWidth="5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** A globe: the sign for "language" that needs no language to read. */
export function GlobeIcon() {
  return (
    <svg className="icon-globe" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2">
        <circle cx="12" cy="12" r="10" />
        <path d="M2 12h20M12 2c3 3.2 4.5 6.5 4.5 10S15 18.8 12 22M12 2C9 5.2 7.5 8.5 7.5 12S9 18.8 12 22" />
      </g>
    </svg>
  );
}
