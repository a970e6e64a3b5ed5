import type { Translation } from '../../catalogue';
import type { share as english } from '../en/share';

export const share: Translation<typeof english> = {
  heading: 'Danışanla paylaş',
  open: 'Danışanla paylaş',
  intro: 'QR kod ve bağlantı bu tasarımı danışanın telefonunda açar. Yalnızca tasarımı içerirler: danışanın adını, notlarını, imzalarını veya sağlık yanıtlarını asla içermezler.',
  qr: {
    label: 'Bu tasarımın bağlantısının QR kodu',
    scan: 'Tasarımı orada açmak için danışanın telefon kamerasıyla taratın.',
    tooLong:
      'Bu tasarımın bağlantısı, çok sayıda boyanmış fırça darbesi nedeniyle bir QR kod için fazla uzun ({{length, number}} karakter; bir QR kod en fazla {{max, number}} karakter alır). Bunun yerine bağlantıyı kopyalayıp danışana gönderin.',
  },
  link: {
    label: 'Tasarımın bağlantısı',
    copy: 'Bağlantıyı kopyala',
    copied: 'Bağlantı kopyalandı.',
    copyFailed: 'Bağlantı kopyalanamadı ({{reason}}). Yukarıda seçip elle kopyalayın.',
  },
  pictures: {
    share: 'Paylaş…',
    download: 'Görselleri indir',
    preparing: 'Görseller hazırlanıyor…',
    shareHint: 'Öncesi ve sonrası görsellerini ve önden görünümü, bağlantıyla birlikte bu cihazın paylaşım menüsünden (mesajlar, e-posta, AirDrop…) paylaşır.',
    downloadHint: 'Bu tarayıcı dosya paylaşamıyor: öncesi ve sonrası görselleri ile önden görünüm bunun yerine indirilir. Bunları bağlantıyla birlikte gönderin.',
    shared_one: '{{count}} görsel ve bağlantı paylaşıldı.',
    shared_other: '{{count}} görsel ve bağlantı paylaşıldı.',
    downloaded_one: '{{count}} görsel indirildi: {{names}}.',
    downloaded_other: '{{count}} görsel indirildi: {{names}}.',
    failed: 'Görseller paylaşılamadı: {{reason}}',
    title: 'SMP tasarımınız',
    text: 'Görüşmede simüle edildiği hâliyle planlanan SMP uygulamanız. 3B olarak görmek için bağlantıyı açın: {{url}}',
  },
};
