/**
 * What the photo panels (the Head step's photo list, the report's photo pairs) work with: the simulator, the
 * client's photos, the photo screen and the saved plans, the `photos` text, and a view's name in the reader's
 * language.
 */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientPhotos } from '../app/photos';
import { usePhotoScreen } from '../app/photoScreen';
import { useSavedPlans } from '../app/savedPlans';
import { useSimulator } from '../app/simulator';
import type { PhotoView } from '../domain/photos';

export function usePhotoServices() {
  const { t } = useTranslation('photos');
  const { t: tm } = useTranslation('messages');
  const viewName = useCallback((view: PhotoView) => tm(`photos.views.${view}`), [tm]);
  return { t, viewName, sim: useSimulator(), photos: useClientPhotos(), screen: usePhotoScreen(), savedPlans: useSavedPlans() };
}
