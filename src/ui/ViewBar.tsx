import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../app/commands';
import { useSimulator, useView } from '../app/simulator';
import { LIGHTING_NAMES } from '../domain/lighting';
import { SEEN_FROM_VIEW_NAMES, VIEW_NAMES, VIEW_PRESETS, type ViewName } from '../domain/views';
import { useFormat } from './i18n/useFormat';

const SEEN_FROM = new Set<ViewName>(SEEN_FROM_VIEW_NAMES);

/**
 * The view's own controls, floating over it. On a narrow view they wrap onto more rows rather than being cut
 * off; the stage's `--viewbar-bottom` (and the view store) say where they end, so that notices, labels and the
 * comparison grid's heads sit below them.
 */
export function ViewBar() {
  const { t } = useTranslation('app');
  const sim = useSimulator();
  const { viewStore } = sim;
  const bar = useRef<HTMLDivElement>(null);
  const lighting = useView((v) => v.lighting);
  const current = useView((v) => v.viewRequest.name);
  const loupeOn = useView((v) => v.loupe.enabled);
  const showSmp = useView((v) => v.showSmp);
  // A shown photo is drawn through its own camera, in its own light, with its own before/after divider: these
  // controls of the 3D view would change nothing on it, so they say so instead of seeming broken.
  const photoShown = useView((v) => v.shownPhoto !== null);
  const { t: tPhotos } = useTranslation('photos');
  const only3d = (title: string, act: () => void) =>
    photoShown ? { 'aria-disabled': true, title: tPhotos('only3d'), onClick: undefined } : { title, onClick: act };
  const toggleLoupe = () => runCommand(sim, 'view.toggle-loupe', {});
  const f = useFormat();
  useEffect(() => {
    const toolbar = bar.current;
    const stage = toolbar?.parentElement;
    if (!toolbar || !stage) return;
    const observer = new ResizeObserver(() => {
      const bottom = toolbar.offsetTop + toolbar.offsetHeight;
      stage.style.setProperty('--viewbar-bottom', `${bottom}px`);
      viewStore.getState().setToolbarBottom(bottom);
    });
    // The bar can move without changing size (the stage resizes, or the bar's rows rewrap at a new width):
    // watching the stage as well keeps what sits below it in step.
    observer.observe(toolbar);
    observer.observe(stage);
    return () => observer.disconnect();
  }, [viewStore]);
  return (
    <div className="viewbar" role="toolbar" aria-label={t('views.label')} ref={bar}>
      {[
        { label: t('views.camera'), names: VIEW_NAMES.filter((name) => !SEEN_FROM.has(name)) },
        { label: t('views.seenFrom'), names: [...SEEN_FROM_VIEW_NAMES] },
      ].map((group) => (
        <div key={group.label} className="segmented" role="group" aria-label={group.label}>
          {group.names.map((name) => {
            const { distanceMm } = VIEW_PRESETS[name];
            // A distance view is labelled by its distance in the chosen units, the mirror by name.
            const distance = distanceMm === undefined ? null : f.viewingDistance(distanceMm);
            const hint = distance === null ? t(`views.hints.${name}`) : t('views.away', { view: t(`views.hints.${name}`), distance });
            return (
              <button
                key={name}
                type="button"
                className={current === name ? 'active' : ''}
                aria-pressed={current === name}
                aria-label={hint}
                data-view={name}
                {...only3d(hint, () => viewStore.getState().requestView(name))}
              >
                {name === 'conversation' || name === 'across-room' ? distance : t(`views.names.${name}`)}
              </button>
            );
          })}
        </div>
      ))}
      <div className="segmented" role="group" aria-label={t('tools.label')}>
        <button
          type="button"
          className={loupeOn ? 'active' : ''}
          aria-pressed={loupeOn}
          aria-label={t('tools.loupe')}
          data-testid="loupe-toggle"
          {...only3d(t('tools.loupeHint'), toggleLoupe)}
        >
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
            <path d="M15 15l6 6" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
          </svg>
          <span className="button-text">{t('tools.loupe')}</span>
        </button>
      </div>
      <div className="segmented" role="group" aria-label={t('before.group')}>
        <button
          type="button"
          className={showSmp ? '' : 'active'}
          aria-pressed={!showSmp}
          data-testid="before-toggle"
          {...only3d(t('before.hint'), () => viewStore.getState().setShowSmp(!showSmp))}
        >
          {t('before.label')}
        </button>
      </div>
      <div className="segmented" role="group" aria-label={t('lighting.label')}>
        {LIGHTING_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            className={lighting === name ? 'active' : ''}
            aria-pressed={lighting === name}
            data-lighting={name}
            {...only3d(t(`lighting.${name}.hint`), () => viewStore.getState().setLighting(name))}
          >
            {t(`lighting.${name}.label`)}
          </button>
        ))}
      </div>
    </div>
  );
}
