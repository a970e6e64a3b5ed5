import type { Translation } from '../../catalogue';
import type { help as english } from '../en/help';

export const help: Translation<typeof english> = {
  button: { label: 'Yardım', hint: 'Hareketler, kısayollar ve rehber' },
  title: 'Yardım',
  close: 'Kapat',
  gestures: {
    title: 'Hareketler',
    turn: { what: 'Başı döndürme', how: 'Tek parmakla veya fareyle sürükleyin' },
    zoom: { what: 'Yakınlaştırma', how: 'İki parmakla sıkıştırın veya fare tekerleğini çevirin' },
    pan: { what: 'Başı yana kaydırma', how: 'İki parmakla veya sağ tuşla sürükleyin' },
    views: { what: 'Standart görünümler', how: 'Görünümün üstündeki Ön, Arka, Sol, Sağ, Üst ve ¾' },
    loupe: { what: 'Saçlı deriyi büyütme', how: 'Büyüteç, ardından saçlı deriyi işaret edin: gerçek boyutta {{size}} bir daire' },
    movePoint: { what: 'Saç çizgisi noktasını taşıma', how: 'Saç çizgisi → Saç çizgisini düzenle, ardından bir tutamacı sürükleyin' },
    addPoint: { what: 'Saç çizgisi noktası ekleme / kaldırma', how: 'Çizginin yakınına çift tıklayın / noktayı seçip Sil tuşuna basın' },
    paint: { what: 'Yoğunluk, saç veya yara izi boyama', how: 'İlgili adımda fırçayı seçin, ardından saçlı derinin üzerinde sürükleyin' },
    compare: { what: 'Karşılaştırma', how: 'Görünümün üstünde Öncesi; Karşılaştırma ve rapor adımında Bölünmüş ve Izgara' },
  },
  shortcuts: {
    title: 'Klavye kısayolları',
    undo: 'Geri al',
    redo: 'Yinele',
    loupe: 'Büyüteci aç veya kapat',
    remove: 'Seçili saç çizgisi noktasını kaldır',
    divider: 'Bölünmüş ekran ayırıcısını taşı',
    focus: 'Kontroller arasında geçiş yap',
    escape: 'İletişim kutusunu kapat; sürükleme veya fırça darbesi sırasında geri al',
  },
  keys: { ctrl: 'Ctrl', shift: 'Üst Karakter', delete: 'Sil', escape: 'Esc', tab: 'Sekme', divider: '← → (ayırıcının üzerinde)' },
  disclaimer: 'Bu bir simülasyondur, garanti değildir: iyileşmiş sonuç cilde, bakıma ve tekniğe göre değişir.',
  replay: 'Rehberi yeniden göster',
  guide: {
    progress: '{{page}} / {{total}}',
    skip: 'Atla',
    close: 'Kapat',
    back: 'Geri',
    next: 'İleri',
    start: 'Başla',
    welcome: {
      title: 'SMP Simülatörü’ne hoş geldiniz',
      text: 'Saç mikropigmentasyonunu 3B bir baş üzerinde gerçek boyutta gösterir: her nokta planlanan boyut, aralık ve tonda çizilir. Girdiğiniz hiçbir bilgi bu cihazdan çıkmaz.',
    },
    steps: {
      title: 'Konsültasyon sırasıyla yedi adım',
      text: 'Panel sizi sırasıyla şu adımlardan geçirir: {{steps}}. Her adım yalnızca gerekenleri gösterir; İleri sizi bir sonrakine götürür.',
    },
    look: {
      title: 'Yakından bakın',
      text: 'Başı döndürmek için sürükleyin, yakınlaştırmak için sıkıştırın veya kaydırın. Büyüteç saçlı deriyi milimetre ölçeğiyle büyütür; Öncesi ise başı SMP olmadan gösterir.',
    },
    safe: {
      title: 'Hiçbir şey kaybolmaz',
      text: 'Her değişiklik geri alınabilir, planlar bu cihaza kendiliğinden kaydedilir ve Planlar her danışanın planını saklar. Yardım (?) tüm hareketleri ve kısayolları listeler ve bu rehberi yeniden gösterir.',
    },
  },
};
