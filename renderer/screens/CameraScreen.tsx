import { useDocumentCapture } from '../camera/use-document-capture';
import { Screen } from '../components/Screen';
import { HomeButton } from '../components/HomeButton';
import { useT } from '../i18n';
import { useUi } from '../state/ui';
import { keyPrompt } from '../voice/prompt';
import { useScreenVoice } from '../voice/use-screen-voice';

/**
 * The document camera: live preview with a frame to lay the page in, capture,
 * retake, crop to the page, compress (JPEG, ≤ 300 KB for an A4 page, text
 * kept legible), attach to the material it proves. The stream stops and every
 * buffer is let go when the screen closes.
 */
export function CameraScreen({ materialId }: { readonly materialId: string }) {
  const { t, l } = useT();
  const go = useUi((s) => s.go);
  const { video, phase, material, capture, retake, use } = useDocumentCapture(materialId);
  useScreenVoice(
    keyPrompt(phase.kind === 'review' ? 'voice.cameraReview' : 'voice.camera'),
    null,
    phase.kind === 'review' ? 'camera-review' : 'camera',
  );

  return (
    <Screen
      name="camera"
      title={t('camera.title', { material: material === undefined ? '' : l(material.name) })}
      lead={phase.kind === 'review' ? t('camera.reviewLead') : t('camera.lead')}
      start={
        <>
          <HomeButton />
          <button
            type="button"
            className="button button-secondary"
            onClick={() => go({ name: 'materials' })}
          >
            {t('camera.cancel')}
          </button>
        </>
      }
      end={
        phase.kind === 'review' ? (
          <>
            <button type="button" className="button button-secondary" onClick={retake}>
              {t('camera.retake')}
            </button>
            <button type="button" className="button button-primary" onClick={() => void use()}>
              {t('camera.use')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={phase.kind !== 'live'}
            onClick={() => void capture()}
          >
            {phase.kind === 'saving' ? t('camera.saving') : t('camera.capture')}
          </button>
        )
      }
    >
      {phase.kind === 'failed' && (
        <p className="notice notice-error" role="alert">
          {t(phase.message)}
        </p>
      )}
      <div className={`camera-stage${phase.kind === 'review' ? ' is-review' : ''}`}>
        <video
          ref={video}
          className="camera-video"
          muted
          playsInline
          aria-label={t('camera.previewLabel')}
          hidden={phase.kind === 'review'}
        />
        {phase.kind !== 'review' && phase.kind !== 'failed' && (
          <div className="camera-frame" aria-hidden="true" />
        )}
        {phase.kind === 'review' && (
          <img
            className="camera-photo"
            src={phase.url}
            alt={t('camera.photoAlt')}
            data-testid="camera-photo"
            data-bytes={phase.blob.size}
            data-width={phase.width}
            data-height={phase.height}
            data-cropped={phase.cropped}
          />
        )}
      </div>
      {phase.kind === 'review' && (
        <p className="hint" role="status">
          {t('camera.photoFacts', { kb: Math.round(phase.blob.size / 1024) })}
        </p>
      )}
    </Screen>
  );
}
