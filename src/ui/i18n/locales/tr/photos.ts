import type { Translation } from '../../catalogue';
import type { photos as english } from '../en/photos';

export const photos: Translation<typeof english> = {
  heading: 'Danışanın fotoğrafları',
  intro: 'Planı üzerlerinde görmek için danışanın fotoğraflarını ekleyin (önden, yanlardan, arkadan ve tepeden). Fotoğraflar bu cihazda, bu planla birlikte kalır.',
  unsaved: 'Fotoğraflar bu cihazda kayıtlı bir planla birlikte saklanır ve bu tarayıcı planları kaydetmiyor (gizli gezinme ya da depolama dolu veya engelli), bu yüzden burada fotoğraf eklenemez. Fotoğrafları kullanmak için simülatörü normal bir pencerede açın.',
  starting: 'Bu cihazın depolaması bekleniyor…',
  viewLabel: 'Fotoğrafın gösterdiği',
  add: 'Fotoğraf ekle…',
  adding: 'Fotoğraf okunuyor ve yüz aranıyor…',
  none: 'Henüz fotoğraf yok.',
  listLabel: 'Bu planın fotoğrafları',
  show: 'Fotoğrafta göster',
  hide: '3B görünüme dön',
  only3d: 'Yalnızca 3B görünümü değiştirir, fotoğrafı değil. Kullanmak için 3B görünüme dönün.',
  remove: 'Kaldır',
  removeLabel: 'Fotoğrafı kaldır: {{view}}',
  thumbnail: 'Fotoğraf: {{view}}',
  loading: 'Baş fotoğrafa uyarlanıyor…',
  useShape: 'Bu baş şeklini plan için kullan',
  useShapeHint: 'Bu fotoğrafa uyarlanan baş şeklini plana uygular: başın boyutu, uzunluğu, genişliği, alnın eğimi ve tepenin yüksekliği.',
  screen: {
    label: 'Danışanın fotoğrafında plan',
    before: 'Fotoğraf',
    simulation: 'Simülasyon',
    divider: 'Fotoğrafta öncesi ve sonrası',
    dividerValue: 'Fotoğrafın %{{percent}} kadarı çekildiği gibi',
    noFit: 'Baş bu fotoğrafa uyarlanamadı: referans noktalarını yerleştirin ya da düzeltin.',
    scanHead: 'Fotoğraf ekranı varsayılan başı fotoğraflara uyarlar: planı bu fotoğrafa çizmek için varsayılan başı kullanın (1. adım).',
    fitted: 'Baş uyarlandı: {{yaw, number}}° döndürülmüş, {{points}} nokta, ortalama {{residual, number}} px sapma.',
  },
  report: {
    heading: 'Danışanın fotoğraflarında',
    note: 'Her çift, danışanın çekildiği gibi fotoğrafını ve yanında bunun üzerine çizilmiş planın bir simülasyonunu gösterir. Simülasyon bir ön izlemedir, sonucun garantisi değildir.',
    before: '{{view}} · fotoğraf',
    after: '{{view}} · simülasyon',
  },
};
