import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { HeadImportContext } from './app/headImport';
import { DeviceFilesContext } from './app/deviceFiles';
import { SavedPlansContext } from './app/savedPlans';
import { SharingContext } from './app/sharing';
import { createSimulator, SimulatorContext } from './app/simulator';
import { runCommand } from './app/commands';
import { installKeymap } from './app/keymap';
import type { SavedPlans } from './app/savedPlans';
import { startAutosave } from './io/autosave';
import { ClinicContext } from './app/clinic';
import { createClinicProfiles } from './io/clinicProfile';
import { deviceFiles } from './io/deviceFiles';
import { createEmbedApi } from './io/embedApi';
import { createClientPhotos } from './io/photos/clientPhotos';
import { ClientPhotosContext } from './app/photos';
import { createPhotoScreen, PhotoScreenContext } from './app/photoScreen';
import { createHeadImport } from './io/headImport';
import { createSharing } from './io/sharing';
import { startLinkSync } from './io/linkSync';
import { readLinkHash } from './io/planLink';
import { loadPigmentKernels } from './io/pigmentKernels';
import { keepLanguage, keepUnits, loadLanguage, loadUnits } from './io/preferences';
import { routeThreeMessages } from './scene/threeMessages';
import { App } from './ui/App';
import { StartFailure } from './ui/StartFailure';
import { setLanguage, startI18n } from './ui/i18n';
import './ui/styles.css';

const language = loadLanguage(navigator.languages);
// The pigment kernels' weights are data of their own (83 KB), read before any plan is drawn or measured.
// Without them nothing can be drawn: if they cannot be read (a connection dropped before the app was
// cached, a missing or damaged file), the page says so in the user's language rather than stay blank.
const kernelsRead = await loadPigmentKernels(import.meta.env.BASE_URL).then(
  () => true,
  (error: unknown) => {
    console.error('The simulator could not start:', error);
    return false;
  },
);
if (kernelsRead) await startApp();
else await showStartFailure();

function rootElement(): HTMLElement {
  const element = document.getElementById('root');
  if (!element) throw new Error('index.html has no #root element');
  return element;
}

async function showStartFailure(): Promise<void> {
  // English at once; the user's language when its text can still be read (it may not, offline).
  await startI18n(language);
  createRoot(rootElement()).render(
    <StrictMode>
      <StartFailure />
    </StrictMode>,
  );
}

async function startApp(): Promise<void> {
  const link = readLinkHash(window.location.hash);
  const sim = createSimulator({ ...(link.plan && { plan: link.plan }), ...(link.view && { view: link.view }), units: loadUnits(), language });
  keepUnits(sim);
  keepLanguage(sim);
  // The interface's text follows the chosen language from the first frame on (a language other than English
  // is read from its own chunk first, while the saved plan comes back below).
  const i18nReady = startI18n(sim.viewStore.getState().language);
  sim.viewStore.subscribe((s, prev) => void (s.language !== prev.language && setLanguage(s.language)));
  // Linked before the saved plan comes back, so that the address bar shows that plan's link. A link pasted
  // into the open tab later opens as a new saved plan, so it never overwrites the plan that was open.
  let library: SavedPlans | null = null;
  const linkSync = startLinkSync(sim, (linked) => {
    if (library?.state.getState().available) void library.openLink(linked).catch((error: unknown) => console.warn('Could not open the link:', error));
    else runCommand(sim, 'plan.replace', { plan: linked.plan, label: 'Open link' });
  });
  // Before the first render, so that nobody edits a plan that is about to be replaced by the saved one.
  const { savedPlans, restored } = await startAutosave(sim, link.plan && { plan: link.plan, ...(link.saved && { saved: link.saved }) });
  library = savedPlans;
  linkSync.follow(savedPlans);
  if (link.planError) {
    sim.viewStore.getState().showNotice('error', { key: restored ? 'app:notices.linkRefused.lastPlan' : 'app:notices.linkRefused.defaultPlan', params: { reason: link.planErrorText ?? link.planError } });
  } else if (link.viewError) {
    sim.viewStore.getState().showNotice('error', link.viewErrorText ?? link.viewError);
  }

  const headImport = createHeadImport(sim, savedPlans);
  await headImport.ready;
  await i18nReady;
  const clinic = createClinicProfiles();
  const sharing = createSharing(sim);
  const photos = createClientPhotos(savedPlans);
  const photoScreen = createPhotoScreen(sim, photos, savedPlans);
  window.smp = createEmbedApi(sim, savedPlans, headImport, clinic, photos, photoScreen);
  sim.signals.onFirstFrame(() => {
    document.documentElement.dataset.smpReady = 'true';
  });
  // The built app caches itself for offline use (scripts/offlinePlugin.ts); the dev server has no worker.
  if (import.meta.env.PROD && 'serviceWorker' in navigator) {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => console.warn('Offline use is not available:', error));
  }
  // Parts of the app are read when first needed (other languages, most panels, the report). A newer build
  // installed meanwhile replaces the cached files this page would read: reload once into that build rather
  // than fail, but only where the plan is saved on this device (written as the page goes); where it cannot
  // be stored, a reload would lose the plan's personal fields, which its link never holds, so the failure
  // shows itself instead, as does a second failure soon after a reload.
  window.addEventListener('vite:preloadError', (event) => {
    if (!savedPlans.state.getState().available) return;
    const RELOADED_KEY = 'smp-simulator.reloaded-for-update';
    try {
      if (Date.now() - Number(sessionStorage.getItem(RELOADED_KEY) ?? 0) < 30_000) return;
      sessionStorage.setItem(RELOADED_KEY, String(Date.now()));
    } catch {
      return;
    }
    event.preventDefault();
    window.location.reload();
  });

  routeThreeMessages();
  // Once, after the saved plan is back: every shortcut runs a named command (src/app/keymap.ts).
  installKeymap(sim, window);
  createRoot(rootElement()).render(
    <StrictMode>
      <SimulatorContext.Provider value={sim}>
        <SavedPlansContext.Provider value={savedPlans}>
          <HeadImportContext.Provider value={headImport}>
            <DeviceFilesContext.Provider value={deviceFiles}>
              <ClinicContext.Provider value={clinic}>
                <SharingContext.Provider value={sharing}>
                  <ClientPhotosContext.Provider value={photos}>
                    <PhotoScreenContext.Provider value={photoScreen}>
                      <App />
                    </PhotoScreenContext.Provider>
                  </ClientPhotosContext.Provider>
                </SharingContext.Provider>
              </ClinicContext.Provider>
            </DeviceFilesContext.Provider>
          </HeadImportContext.Provider>
        </SavedPlansContext.Provider>
      </SimulatorContext.Provider>
    </StrictMode>,
  );
}
