/**
 * Schema migrations, oldest first. Version N is `MIGRATIONS[N - 1]` and is
 * recorded in `PRAGMA user_version`. Never edit a released migration; add one.
 *
 * Clear columns hold only what syncing and status lookup need; everything
 * personal is in `payload`, sealed with AES-256-GCM (see crypto.ts).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE applications (
    id               TEXT PRIMARY KEY,
    application_no   TEXT NOT NULL UNIQUE,
    idempotency_key  TEXT NOT NULL UNIQUE,
    service_id       TEXT NOT NULL,
    rule_version     TEXT NOT NULL,
    rule_hash        TEXT NOT NULL,
    status           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    due_date         TEXT NOT NULL,
    fee_fen          INTEGER NOT NULL,
    payload          BLOB NOT NULL
  );
  CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id   TEXT NOT NULL UNIQUE REFERENCES applications(id),
    state            TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    created_at       TEXT NOT NULL
  );
  CREATE INDEX outbox_state ON outbox(state, next_attempt_at);
  `,
  // 2: sync to the back office — acceptance number, purge time, rejection reason, scans.
  `
  ALTER TABLE applications ADD COLUMN acceptance_no TEXT;
  ALTER TABLE applications ADD COLUMN purged_at TEXT;
  ALTER TABLE outbox ADD COLUMN rejected_reason TEXT;
  ALTER TABLE outbox ADD COLUMN updated_at TEXT;
  UPDATE outbox SET updated_at = created_at;
  CREATE TABLE attachments (
    id               TEXT PRIMARY KEY,
    application_id   TEXT NOT NULL REFERENCES applications(id),
    material_id      TEXT NOT NULL,
    media_type       TEXT NOT NULL,
    size             INTEGER NOT NULL,
    sha256           TEXT NOT NULL,
    payload          BLOB NOT NULL,
    uploaded_at      TEXT
  );
  CREATE INDEX attachments_application ON attachments(application_id);
  `,
  // 3: the database's own count of every application it ever stored, beside the integrity record
  // (integrity.ts); the data key's fingerprint and since when the record is kept go here too.
  `
  CREATE TABLE kiosk_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  INSERT INTO kiosk_meta (key, value) SELECT 'ever_stored', CAST(COUNT(*) AS TEXT) FROM applications;
  `,
  // 4: one key per application, wrapped by the data key (record-keys.ts): purging destroys the key,
  // so the sealed payload and scans need not be overwritten with zeros. And the waiting applications
  // in queue order, so claiming the next one reads that one, not every waiting row and a sort.
  `
  CREATE TABLE record_keys (
    application_id   TEXT PRIMARY KEY REFERENCES applications(id),
    wrapped          BLOB NOT NULL
  );
  CREATE INDEX outbox_waiting ON outbox(id) WHERE state IN ('queued', 'needs_attention');
  `,
  // 5: payment orders (payments.ts), written before the first call to the back office and after
  // every answer. Nothing personal: the application by number, the amount and its fee lines.
  `
  CREATE TABLE payment_orders (
    order_no         TEXT PRIMARY KEY,
    application_no   TEXT NOT NULL,
    service_id       TEXT NOT NULL,
    amount_fen       INTEGER NOT NULL CHECK (amount_fen >= 0),
    items            TEXT NOT NULL,
    method           TEXT,
    state            TEXT NOT NULL,
    attention        TEXT,
    qr               TEXT,
    paid_at          TEXT,
    receipt_no       TEXT,
    receipt_url      TEXT,
    reason           TEXT,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    paying_since     TEXT
  );
  CREATE INDEX payment_orders_application ON payment_orders(application_no);
  CREATE INDEX payment_orders_open ON payment_orders(state) WHERE state IN ('created', 'paying', 'cancelling');
  `,
  // 6: 好差评 waiting for the back office (evaluations.ts): sealed (a callback number is personal),
  // emptied once delivered; one per application.
  `
  CREATE TABLE evaluations (
    id               TEXT PRIMARY KEY,
    application_no   TEXT NOT NULL UNIQUE,
    body             BLOB NOT NULL,
    state            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    sent_at          TEXT
  );
  CREATE INDEX evaluations_waiting ON evaluations(created_at) WHERE state = 'waiting';
  `,
];
