import { todayInChina } from '../../../base/dates';
import type { DeviceConfigOf } from '../../config/schema';
import { ok } from '../../../core/result';
import { createFrameLog } from '../frame-log';
import { cardProblemOf } from '../idcard/card-problem';
import { createIdCardReader, defaultReaderOptions, type IdCardEvent } from '../idcard/reader';
import type { DeviceHealth, ManagedDevice, ManagedDeviceDeps } from './device';
import { healthTracker } from './device';
import { addressOf } from './links';
import { externalPhotoDecoder, type CardImage } from './photo-decoder';

/**
 * The driver's events, with the card's photo as a picture when a decoder is
 * configured (`options.photoDecoder`), else `image: null`.
 */
export type CardEvent =
  | Exclude<IdCardEvent, { type: 'card-read' }>
  | (Extract<IdCardEvent, { type: 'card-read' }> & { readonly image: CardImage | null });

export interface IdCardDevice extends ManagedDevice {
  onEvent(listener: (event: CardEvent) => void): () => void;
  /** Reads the card already on the reader again (a journey started with it there). */
  reread(): void;
}

export function createIdCardDevice(
  config: DeviceConfigOf<'idcard'>,
  { log, clock, openLink, onHealth }: ManagedDeviceDeps,
): IdCardDevice {
  const frames = createFrameLog(clock);
  const tracker = healthTracker(config, addressOf(config), onHealth);
  const link = openLink(config, {}, clock);
  const reader = createIdCardReader(link, {
    ...defaultReaderOptions,
    ...config.options,
    frameLog: frames,
    // A card's validity is judged on the kiosk's day.
    today: () => todayInChina(clock.now()),
    clock,
  });

  link.onState((state, reason) => {
    frames.add('note', state === 'open' ? 'link open' : `link offline: ${reason ?? ''}`);
    tracker.set(state === 'open' ? 'ready' : 'offline', state === 'open' ? null : reason);
    if (state === 'open') void readSamId();
  });
  reader.onEvent((event) => {
    // While the link is down its own state says why; the failed writes add nothing.
    if (
      event.type === 'error' &&
      cardProblemOf(event.code) === 'reader_down' &&
      link.state() === 'open'
    ) {
      tracker.set('fault', `${event.code}: ${event.message}`);
    }
    if (event.type === 'recovered') tracker.set('ready', null);
  });
  const decoder =
    config.options.photoDecoder === undefined
      ? null
      : externalPhotoDecoder(config.options.photoDecoder);
  const cardListeners = new Set<(event: CardEvent) => void>();
  // Decoding takes a moment: events go out one after another, so a card taken
  // away while its photo is decoded is never announced before it was read.
  let queue: Promise<void> = Promise.resolve();
  const withImage = async (event: IdCardEvent): Promise<CardEvent> => {
    if (event.type !== 'card-read') return event;
    if (decoder === null || event.photo.length === 0) return { ...event, image: null };
    const image = await decoder(event.photo);
    if (!image.ok)
      log.warn('idcard.photo_not_decoded', { device: config.id, code: image.error.code });
    return { ...event, image: image.ok ? image.value : null };
  };
  reader.onEvent((event) => {
    queue = queue
      .then(async () => {
        const out = await withImage(event);
        for (const listener of cardListeners) listener(out);
      })
      // One failing listener must not stop every later card event.
      .catch((cause: unknown) =>
        log.error('idcard.event_failed', {
          device: config.id,
          error: cause instanceof Error ? cause.name : 'unknown',
        }),
      );
  });
  const readSamId = async (): Promise<void> => {
    const id = await reader.readSamId();
    tracker.fact('samId', id.ok ? id.value : null);
  };

  return {
    config,
    health: (): DeviceHealth => tracker.health(),
    onEvent(listener) {
      cardListeners.add(listener);
      return () => cardListeners.delete(listener);
    },
    reread: () => reader.reread(),
    async start() {
      reader.start();
    },
    async stop() {
      await reader.stop();
      await link.close();
    },
    async selfTest() {
      const id = await reader.readSamId();
      if (!id.ok) return id;
      tracker.fact('samId', id.value);
      const card = await reader.testRead();
      if (!card.ok && card.error.code === 'no_card')
        return ok({
          code: 'idcard.noCard',
          summary: 'SAM module answered; no card on the reader (place a test card to test reading)',
          facts: { samId: id.value },
        });
      if (!card.ok) return card;
      return ok({
        code: 'idcard.read',
        summary: 'SAM module answered and the card on the reader was read',
        facts: {
          samId: id.value,
          card: card.value.kind,
          text: `${card.value.textBytes} B`,
          photo: `${card.value.photoBytes} B`,
        },
      });
    },
    frameLog: () => frames.entries(),
  };
}
