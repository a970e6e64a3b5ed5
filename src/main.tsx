import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSimulator, SimulatorContext } from './app/simulator';
import { createEmbedApi } from './io/embedApi';
import { startLinkSync } from './io/linkSync';
import { readLinkHash } from './io/planLink';
import { App } from './ui/App';
import './ui/styles.css';

const link = readLinkHash(window.location.hash);
const sim = createSimulator({ ...(link.plan && { plan: link.plan }), ...(link.view && { view: link.view }) });
if (link.planError) {
  sim.viewStore.getState().showNotice('error', `${link.planError} The default plan is shown instead.`);
} else if (link.viewError) {
  sim.viewStore.getState().showNotice('error', link.viewError);
}

window.smp = createEmbedApi(sim);
startLinkSync(sim);
sim.signals.onFirstFrame(() => {
  document.documentElement.dataset.smpReady = 'true';
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <SimulatorContext.Provider value={sim}>
      <App />
    </SimulatorContext.Provider>
  </StrictMode>,
);
