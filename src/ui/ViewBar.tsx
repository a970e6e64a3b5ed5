import { useSimulator, useView } from '../app/simulator';
import { LIGHTING_LABELS, LIGHTING_NAMES } from '../domain/lighting';
import { VIEW_NAMES, VIEW_PRESETS } from '../domain/views';

const VIEW_HINTS: Record<string, string> = {
  front: 'Front view',
  back: 'Back view',
  left: "Client's left side",
  right: "Client's right side",
  top: 'Top view',
  'three-quarter': 'Three-quarter view',
};

export function ViewBar() {
  const { viewStore } = useSimulator();
  const lighting = useView((v) => v.lighting);
  const current = useView((v) => v.viewRequest.name);
  return (
    <div className="viewbar" role="toolbar" aria-label="View">
      <div className="segmented" role="group" aria-label="Camera view">
        {VIEW_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            className={current === name ? 'active' : ''}
            aria-pressed={current === name}
            title={VIEW_HINTS[name]}
            aria-label={VIEW_HINTS[name]}
            data-view={name}
            onClick={() => viewStore.getState().requestView(name)}
          >
            {VIEW_PRESETS[name].label}
          </button>
        ))}
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
