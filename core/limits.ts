/** A document-camera photo: JPEG, at most this many bytes once decoded (an A4 page is kept under 300 KB). */
export const MAX_CAPTURE_BYTES = 400 * 1024;

/** Photos of materials one session may hold. */
export const MAX_PHOTOS_PER_SESSION = 12;

/** The card's photo once a station's decoder made a picture of it. */
export const MAX_CARD_IMAGE_BYTES = 512 * 1024;

/** A staff PIN: 6 to 12 digits (a million values at the least; the lockout and scrypt do the rest). */
export const PIN_PATTERN = /^\d{6,12}$/;
