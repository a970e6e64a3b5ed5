import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeviceFiles } from '../app/deviceFiles';
import { useHeadImport } from '../app/headImport';
import { useSimulator } from '../app/simulator';
import { useSavedPlans } from '../app/savedPlans';
import { textOf } from '../domain/textError';
import { usePlanTitle } from './planTitle';

/**
 * Opens a plan file (picked or dropped) as a new saved plan and says so; a file that is not a good plan
 * gets a message saying what is wrong, and nothing changes. Resolves to whether the plan was opened.
 */
export function useOpenPlanFile(): (file: File) => Promise<boolean> {
  const titleOf = usePlanTitle();
  const { viewStore } = useSimulator();
  const savedPlans = useSavedPlans();
  const files = useDeviceFiles();
  return useCallback(
    async (file) => {
      const { showNotice } = viewStore.getState();
      try {
        const plan = await files.readPlan(file);
        await savedPlans.openAsNew(plan);
        showNotice('info', { key: 'plans:notice.openedFile', params: { title: titleOf(plan) } });
        return true;
      } catch (error) {
        const reason = textOf(error) ?? (error instanceof Error ? error.message : String(error));
        showNotice('error', { key: 'plans:notice.openFailed', params: { fileName: file.name, reason } });
        return false;
      }
    },
    [viewStore, savedPlans, files, titleOf],
  );
}

const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes('Files') ?? false;

/** The files that make a drop a head scan rather than a plan. */
const SCAN_FILE_PATTERN = /\.(glb|gltf|obj|ply|stl)$/i;

/** A plan file or a head scan dropped anywhere on the window opens it; while files are dragged over, a hint says so. */
export function PlanFileDrop({ onOpened }: { onOpened: () => void }) {
  const { t } = useTranslation('plans');
  const openPlanFile = useOpenPlanFile();
  const headImport = useHeadImport();
  const { viewStore } = useSimulator();
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the file leaves the window.
    let depth = 0;
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      // Without this the browser would open the file itself, replacing the app.
      if (carriesFiles(e)) e.preventDefault();
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const files = Array.from(e.dataTransfer?.files ?? []);
      // A scan (with its companion files) goes to the head import; anything else is taken for a plan file.
      if (files.some((f) => SCAN_FILE_PATTERN.test(f.name))) {
        viewStore.getState().setStep('head');
        void headImport.start(files);
      } else if (files[0]) {
        void openPlanFile(files[0]).then((opened) => opened && onOpened());
      }
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [openPlanFile, onOpened, headImport, viewStore]);
  if (!dragging) return null;
  return (
    <div className="plan-drop" aria-hidden="true">
      <p>{t('drop')}</p>
    </div>
  );
}
