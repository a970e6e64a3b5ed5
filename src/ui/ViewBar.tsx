import { useEffect, useRef } from 'react';
import { runCommand } from '../app/commands';
import { useSimulator, useView } from '../app/simulator';
import { LIGHTING_LABELS, LIGHTING_NAMES } from '../domain/lighting';
import { formatViewingDistance } from '../domain/units';
import { SEEN_FROM_VIEW_NAMES, VIEW_NAMES, VIEW_PRESETS, type ViewName } from '../domain/views';

const VIEW_HINTS: Record<string, string> = {
  front: 'Front view',
  back: 'Back view',
  left: "Client's left side",
  right: "Client's right side",
  top: 'Top view',
  'three-quarter': 'Three-quarter view',
  mirror: 'In a mirror',
  conversation: 'Face to face, talking',
  'across-room': 'From across a room',
  hairline: 'The hairline, framed from the front',
};

const SEEN_FROM = new Set<ViewName>(SEEN_FROM_VIEW_NAMES);

/**
 * The view's own controls, floating over it. On a narrow view they wrap onto more rows rather than being cut
 * off; the stage's `--viewbar-bottom` (and the view store) say where they end, so that notices, labels and the
 * comparison grid's heads sit below them.
 */
export function ViewBar() {
  const sim = useSimulator();
  const { viewStore } = sim;
  const bar = useRef<HTMLDivElement>(null);
  const lighting = useView((v) => v.lighting);
  const current = useView((v) => v.viewRequest.name);
  const loupeOn = useView((v) => v.loupe.enabled);
  const showSmp = useView((v) => v.showSmp);
  const units = useView((v) => v.units);
  useEffect(() => {
    const toolbar = bar.current;
    const stage = toolbar?.parentElement;
    if (!toolbar || !stage) return;
    const observer = new ResizeObserver(() => {
      const bottom = toolbar.offsetTop + toolbar.offsetHeight;
      stage.style.setProperty('--viewbar-bottom', `${bottom}px`);
      viewStore.getState().setToolbarBottom(bottom);
    });
    observer.observe(toolbar);
    return () => observer.disconnect();
  }, [viewStore]);
  return (
    <div className="viewbar" role="toolbar" aria-label="View" ref={bar}>
      {[
        { label: 'Camera view', names: VIEW_NAMES.filter((name) => !SEEN_FROM.has(name)) },
        { label: 'Seen from', names: [...SEEN_FROM_VIEW_NAMES] },
      ].map((group) => (
        <div key={group.label} className="segmented" role="group" aria-label={group.label}>
          {group.names.map((name) => {
            const { distanceMm, label } = VIEW_PRESETS[name];
            // A distance view is labelled by its distance in the chosen units, the mirror by name.
            const distance = distanceMm === undefined ? null : formatViewingDistance(distanceMm, units);
            const hint = distance === null ? VIEW_HINTS[name] : `${VIEW_HINTS[name]}, ${distance} away`;
            return (
              <button
                key={name}
                type="button"
                className={current === name ? 'active' : ''}
                aria-pressed={current === name}
                title={hint}
                aria-label={hint}
                data-view={name}
                onClick={() => viewStore.getState().requestView(name)}
              >
                {distance === null || name === 'mirror' ? label : distance}
              </button>
            );
          })}
        </div>
      ))}
      <div className="segmented" role="group" aria-label="Tools">
        <button
          type="button"
          className={loupeOn ? 'active' : ''}
          aria-pressed={loupeOn}
          title="Loupe: magnify the scalp under the pointer, with a millimetre scale (L)"
          aria-label="Loupe"
          data-testid="loupe-toggle"
          onClick={() => runCommand(sim, 'view.toggle-loupe', {})}
        >
          <svg className="icon" viewBox="0 0 24 24" aria-hidden="true">
            <circle cx="10" cy="10" r="6.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
            <path d="M15 15l6 6" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
          </svg>
          <span className="button-text">Loupe</span>
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Before and after">
        <button
          type="button"
          className={showSmp ? '' : 'active'}
          aria-pressed={!showSmp}
          title="Show the head without SMP (before)"
          data-testid="before-toggle"
          onClick={() => viewStore.getState().setShowSmp(!showSmp)}
        >
          Before
        </button>
      </div>
      <div className="segmented" role="group" aria-label="Lighting">
        {LIGHTING_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            className={lighting === name ? 'active' : ''}
            aria-pressed={lighting === name}
            title={LIGHTING_LABELS[name].hint}
            data-lighting={name}
            onClick={() => viewStore.getState().setLighting(name)}
          >
            {LIGHTING_LABELS[name].label}
          </button>
        ))}
      </div>
    </div>
  );
}
