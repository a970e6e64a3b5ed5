import type { Translation } from '../../catalogue';
import type { warnings as english } from '../en/warnings';

export const warnings: Translation<typeof english> = {
  'large-dots': '{{max}} üzerindeki noktalar büyük, bulanık noktalar gibi görünür: düz “kask” görüntüsü. İyileşmiş folikül izleri genellikle {{usual}} olur.',
  'heavy-spread': 'Mürekkebin çok yayılması, fazla derine yerleştirilmiş noktaların iyileştikten sonraki görünümüdür.',
  'dense-dots': 'Yaklaşık {{density}} üzerinde noktalar birbirine karışıp düz bir tona dönüşmeye başlar.',
  'blue-cast': 'Açık tenli ciltte seyreltilmemiş siyah, iyileşirken mavimsi bir ton alabilir: seyreltilmiş bir gri genellikle daha iyi uyar.',
  'no-area':
    'Saç çizgisi hiç saçlı deri çevrelemiyor: noktaları üst üste ya da tek bir çizgi üzerinde, bu yüzden hiç nokta yerleştirilmiyor ve değerler anlamsız. Bir hazır şablon seçin ya da noktaları sürükleyerek birbirinden ayırın.',
  'low-hairline':
    'Orta ön nokta glabellanın {{height}} üzerinde; bu, kliniklerin önerdiğinden daha alçak: {{limit}} agresif sınırdır ({{typical}} olağan, {{conservative}} temkinli). Alçak bir çizgi, yüz yaşlandıkça doğal görünmeyebilir.',
  asymmetric: {
    mean: 'Ön saç çizgisinin sol ve sağ tarafı ortalama {{mean}} (en fazla {{max}}) farklı. Doğal saç çizgileri simetriğe yakındır; bilinçli değilse simetriyi açın ya da tarafları eşitleyin.',
    stretch:
      'Saç çizgisinin bir bölümü diğer tarafın ayna görüntüsünden {{max}} uzakta. Doğal saç çizgileri simetriğe yakındır; bilinçli değilse simetriyi açın ya da tarafları eşitleyin.',
  },
  'off-skin': {
    'too-few': 'Saç çizgisi en az üç nokta gerektirir.',
    points_one: 'Saç çizgisinin bir noktası saçlı derinin dışında (deriden en fazla {{distance}} uzakta). Onu yeniden başın üzerine sürükleyin.',
    points_other: 'Saç çizgisinin {{count}} noktası saçlı derinin dışında (deriden en fazla {{distance}} uzakta). Onları yeniden başın üzerine sürükleyin.',
  },
  'on-face': {
    'below-brows': 'Saç çizgisi saçlı deriden çıkıyor: kaş çizgisinin {{distance}} altına, yüze iniyor. Çizgiyi yeniden kaşların üzerine taşıyın.',
    landmarks: 'Saç çizgisi saçlı deriden çıkıyor: uygulama alanı {{landmarks}} noktasını içine alıyor. Çizgiyi yeniden kaşların üzerine taşıyın.',
  },
  'on-ear': {
    line: 'Saç çizgisi kulağın üzerine taşıyor. Çizgiyi kulağın üstünden ve arkasından {{clearance}} uzakta tutun.',
    landmarks: 'Saç çizgisi kulağın üzerine taşıyor (uygulama alanı {{landmarks}} noktasını içine alıyor). Çizgiyi kulağın üstünden ve arkasından {{clearance}} uzakta tutun.',
  },
  'few-sessions_one': '{{count}} seans planlandı; bu büyüklükte ve bu yoğunlukta bir alan genellikle {{suggested}} seans gerektirir, bu yüzden daha düzensiz bir sonuç ya da daha uzun seanslar bekleyin.',
  'few-sessions_other': '{{count}} seans planlandı; bu büyüklükte ve bu yoğunlukta bir alan genellikle {{suggested}} seans gerektirir, bu yüzden daha düzensiz bir sonuç ya da daha uzun seanslar bekleyin.',
  'scar-coverage': {
    outside:
      '{{kind}} “{{scar}}” yalnızca {{coverage}} oranında SMP ile kamufle olur: {{outside}} kadarı, SMP planlanmayan saç çizgisinin dışında kalıyor; uygulama alanını bu kısmı kapsayacak şekilde genişletin. Yara izleri genellikle ek bir seans gerektirir.',
    uptake:
      '{{kind}} “{{scar}}” yalnızca {{coverage}} oranında SMP ile kamufle olur: yara dokusu, sağlıklı saçlı derinin tuttuğu mürekkebin yalnızca {{uptake}} kadarını tutuyor (düşük pigment tutma); üzerinde daha fazla yoğunluk yardımcı olur. Yara izleri genellikle ek bir seans gerektirir.',
    paler:
      '{{kind}} “{{scar}}” yalnızca {{coverage}} oranında SMP ile kamufle olur: yara dokusu çevresindeki uygulanmış saçlı deriden daha açık kalıyor (pigment, yara izini ve cildi kendi ışıklarının bir payı kadar eşit ölçüde koyulaştırır); üzerine çevresinden daha fazla yoğunluk uygulayın. Yara izleri genellikle ek bir seans gerektirir.',
  },
  scarKinds: { fut: 'FUT şerit yara izi', fue: 'FUE alım yara izleri', freeform: 'Boyanmış yara izi' },
  landmarks: {
    glabella: 'kaşlar arası (glabella)',
    nasion: 'burun kökü (nasion)',
    leftLateralCanthus: 'sol dış göz köşesi',
    rightLateralCanthus: 'sağ dış göz köşesi',
    leftTragus: 'sol tragus',
    rightTragus: 'sağ tragus',
    and: 've',
  },
};
