/** A document-camera photo: JPEG, at most this many bytes once decoded (an A4 page is kept under 300 KB). */
export const MAX_CAPTURE_BYTES = 400 * 1024;

/** A camera frame sent for 人证核验 or the 证件照: a JPEG, as large as a material's photo at most. */
export const MAX_FACE_FRAME_BYTES = MAX_CAPTURE_BYTES;

/** Photos of materials one session may hold. */
export const MAX_PHOTOS_PER_SESSION = 12;

/** The card's photo once a station's decoder made a picture of it. */
export const MAX_CARD_IMAGE_BYTES = 512 * 1024;

/**
 * The handwriting pad's strokes as the recognizer gets them: a character has at
 * most a few dozen strokes, and a stroke resampled to this many points keeps its
 * shape for zinnia. The renderer resamples; the contract refuses more.
 */
export const HANDWRITING_MAX_STROKES = 40;
export const HANDWRITING_MAX_POINTS = 48;

/** A staff PIN: 6 to 12 digits (a million values at the least; the lockout and scrypt do the rest). */
export const PIN_PATTERN = /^\d{6,12}$/;
