import type { Translation } from '../../catalogue';
import type { messages as english } from '../en/messages';

export const messages: Translation<typeof english> = {
  asWritten: '{{text}}',
  scan: {
    progress: {
      reading: '“{{name}}” okunuyor…',
      simplifying: '{{triangles, number}} üçgen sadeleştiriliyor…',
      landmarks: 'Referans noktaları aranıyor…',
    },
    tooLarge:
      'Bu taramada {{triangles, number}} üçgen var; simülatör en fazla {{limit, number}} üçgenle çalışır. Tarama yaklaşık {{simplified, number}} üçgene sadeleştirilebilir (şekli milimetrenin kesirleri düzeyinde korunur).',
    showFailed: 'Tarama gösterilemedi; ekrandaki kafa değişmedi.',
    warnings: {
      textureMissing:
        '{{format}} dosyasının dokusu {{name}} bırakılan dosyalar arasında yoktu; taramanın renklerini görmek için onu .{{extension}} dosyasıyla birlikte bırakın.',
      textureNotImage: '{{name}} dokusu PNG, JPEG veya WebP görseli değil; bu yüzden tarama renkleri olmadan gösteriliyor.',
      mixedTextures: '{{format}} dosyasının parçaları farklı dokular kullanıyor ya da bazılarında doku yok; bu yüzden tarama dokusuz gösteriliyor.',
      textureNotFound: '{{format}} dosyasının dokusu dosyanın içinde bulunamadı; bu yüzden tarama renkleri olmadan gösteriliyor.',
      materialMissing:
        'OBJ dosyasının malzeme dosyası {{name}} bırakılan dosyalar arasında yoktu; taramanın dokusunu görmek için onu .obj dosyasıyla birlikte bırakın.',
      textureUndecodable: 'Doku görseli okunamadı; bu yüzden tarama renkleri olmadan gösteriliyor.',
    },
    file: {
      damaged: 'Bu {{format}} dosyası hasarlı veya eksik (teknik ayrıntı: {{detail}}).',
      noTriangles: 'Bu {{format}} dosyasında hiç üçgen yok; gösterilecek bir yüzey bulunmuyor.',
      compressed: 'Bu glTF dosyası {{kind}} ile sıkıştırılmış; simülatör bunu okuyamaz. Dosyayı sıkıştırmadan dışa aktarın.',
      gltfVersion: 'Bu {{format}} dosyası glTF sürüm {{version}}; simülatör bu sürümü okuyamaz. Dosyayı glTF 2.0 olarak dışa aktarın.',
      rereads:
        'Bu {{format}} dosyası ağ verilerini tekrar tekrar okuyor, bir taramanın içerdiğinden çok daha fazlasını; dosya okunmadı. Taramayı örnekleme (instancing) olmadan yeniden dışa aktarın.',
      gltfDataMissing: 'glTF dosyasının veri dosyası “{{name}}” bırakılan dosyalar arasında yoktu; onu .gltf dosyasıyla birlikte bırakın.',
      noVertices: 'Bu {{format}} dosyasında hiç köşe noktası yok; gösterilecek bir yüzey bulunmuyor.',
      pointCloud: 'Bu PLY dosyası yüzeyi olmayan bir nokta bulutu; taramayı ağ (mesh) olarak dışa aktarın.',
      notPly: 'Bu dosya bir PLY dosyası değil: “ply” ile başlamıyor.',
      unsupported: 'Simülatör “{{name}}” dosyasını okuyamıyor: taramalar {{supported}} dosyası olmalıdır.',
      noFile: 'Hiç dosya verilmedi: taramalar {{supported}} dosyası olmalıdır.',
      empty: '“{{name}}” dosyası boş.',
      unreadable: 'Bu {{format}} dosyası okunamadı: hasarlı olabilir ya da simülatörün tanımadığı bir türde olabilir.',
      notGltf: '“{{name}}” bir glTF dosyası değil: ne GLB imzasıyla başlıyor ne de glTF metni.',
    },
    mesh: {
      noTriangles: 'Taramada hiç üçgen yok: dosyada hizalanacak bir yüzey bulunmuyor.',
      malformed: 'Tarama bozuk: köşe noktası veya üçgen listeleri eksik.',
      notNumbers: 'Tarama hasarlı: bazı köşe noktası koordinatları sayı değil.',
      badVertex: 'Tarama hasarlı: bir üçgen {{vertex}} numaralı köşe noktasına başvuruyor, ancak yalnızca {{vertices, number}} köşe noktası var.',
      noSize: 'Taramanın boyutu yok: tüm noktaları aynı yerde.',
      flat: 'Tarama düz (tüm noktaları bir düzlem veya çizgi üzerinde), bu yüzden bir kafa olamaz.',
    },
    align: {
      inLine: 'Glabella ve verteks referans noktaları, iki tragustan geçen çizginin üzerinde olmamalıdır.',
      sameTragi: 'İki tragus noktası farklı yerlerde olmalıdır.',
      implausible: {
        circumference: '{{mm, number}} mm baş çevresi makul değil: {{lo, number}} ile {{hi, number}} mm arasında olmalıdır.',
        tragusDistance: '{{mm, number}} mm tragustan tragusa mesafe makul değil: {{lo, number}} ile {{hi, number}} mm arasında olmalıdır.',
      },
      unmeasurable: {
        circumference: 'Bu taramada baş çevresi ölçülemedi.',
        tragusDistance: 'Bu taramada tragustan tragusa mesafe ölçülemedi.',
      },
      failed: 'Tarama bu referans noktalarıyla hizalanamadı. Noktaları kontrol edip tekrar deneyin.',
    },
    worker: {
      templateFailed: 'Varsayılan kafa yüklenemedi ({{status}}).',
      noFile: 'Hiç dosya verilmedi.',
      fileTooLarge:
        '“{{name}}” {{gb, number}} GB: tarayıcıda okunamayacak kadar büyük (en fazla 1 GB). Taramayı daha az üçgenle dışa aktarın.',
      noScan: 'Henüz hiç tarama okunmadı.',
      unreadable: 'Tarama okunamadı: hasarlı olabilir ya da simülatörün tanımadığı bir türde olabilir.',
    },
    reader: {
      cancelled: 'Tarama içe aktarımı iptal edildi.',
      stopped: 'Tarama okunamadı: tarayıcının belleği yetmedi veya okuma durdu. Taramanın daha küçük bir dışa aktarımını deneyin.',
      unexpected: 'Tarama okuyucusu beklenmedik bir yanıt verdi.',
    },
  },
  plan: {
    invalid: 'Geçersiz plan: “{{field}}” alanında bu simülatörün kullanamayacağı bir değer var.',
    empty: 'Geçersiz plan: “{{field}}” boş olamaz.',
    number: 'Geçersiz plan: “{{field}}” bir sayı olmalıdır.',
    range: 'Geçersiz plan: “{{field}}” {{min, number}} ile {{max, number}}{{unitText}} arasında olmalıdır (gelen değer: {{value, number}}).',
    whole: 'Geçersiz plan: “{{field}}” bir tam sayı olmalıdır (gelen değer: {{value, number}}).',
    tooLong: 'Geçersiz plan: “{{field}}” en fazla {{max, number}} karakter olmalıdır (gelen: {{length, number}}).',
    unknownField: 'Geçersiz plan: “{{name}}” bilinen bir plan alanı değil.',
    notObject: 'Geçersiz plan: plan alanlarından oluşan düz bir nesne olmalıdır.',
    newerVersion: 'Bu planın sürümü {{version}}; bu simülatörün anladığı sürümden ({{supported}}) daha yeni. Lütfen uygulamayı güncelleyin.',
    tooMuchPainting:
      'Geçersiz plan: toplam {{points, number}} fırça noktası içeriyor (yoğunluk, saç ve yara izleri); en fazla {{max, number}} noktaya izin verilir.',
  },
  planFile: {
    notAPlan: 'Bu dosya bir SMP Simülatörü planı değil: başka veriler içeriyor.',
    tooLarge: 'Bu dosya bir SMP Simülatörü planı olamayacak kadar büyük ({{size, number}} MB; bir plan dosyası en fazla {{max, number}} MB olabilir).',
    notJson: 'Bu dosya bir SMP Simülatörü planı değil: JSON metni değil.',
    newerFormat:
      'Bu plan dosyası SMP Simülatörü’nün daha yeni bir sürümüyle kaydedilmiş (dosya biçimi {{version}}); açmak için lütfen simülatörü güncelleyin.',
    badFormatVersion: 'Bu plan dosyası hasarlı: formatVersion değeri {{version}} olmalıdır.',
    noPlan: 'Bu plan dosyası hasarlı: içinde plan yok.',
    newerPlan:
      'Bu plan SMP Simülatörü’nün daha yeni bir sürümüyle hazırlanmış (plan sürümü {{version}}; bu sürüm en fazla {{supported}} sürümünü okuyabilir); açmak için lütfen simülatörü güncelleyin.',
  },
  link: {
    damaged: 'Bağlantı hasarlı: plan çözülemedi (kopyalanırken kesilmiş olabilir mi?).',
    unknownView: 'Bağlantı bilinmeyen bir görünüm istiyor: {{view}}.',
  },
  saved: {
    missing: '{{id}} kimliğine sahip kayıtlı bir plan yok.',
    conflictPending: 'Bu plan başka bir sekmede de değiştirildi: önce “Diğer sürümü yükle” veya “Benimkini kopya olarak sakla” seçeneğini seçin.',
    revisionConflict: 'Bu plan bu arada başka bir sekmede kaydedildi.',
  },
  photos: {
    views: { front: 'Ön', left: 'Sol yan', right: 'Sağ yan', back: 'Arka', top: 'Tepe' },
    notImage: 'Bu dosya, simülatörün okuyabileceği bir fotoğraf değil: JPEG, PNG veya HEIC görüntüsü kullanın.',
    damaged: 'Bu fotoğraf okunamadı: dosya hasarlı veya eksik.',
    empty: 'Bu dosya boş: içinde fotoğraf yok.',
    tooLarge: 'Bu dosya bir fotoğraf için çok büyük ({{size}} MB; en fazla {{max}} MB).',
    unknownView: 'Bilinmeyen fotoğraf görünümü {{view}}: şunlardan birini kullanın: {{views}}.',
    noFace: 'Bu fotoğrafta yüz bulunamadı, bu nedenle “{{view}}” görünümü olarak kullanılamaz: danışanın yüzünün göründüğü bir fotoğraf seçin veya referans noktalarını elle yerleştirin.',
    faceModelFailed: 'Bu fotoğrafta referans noktaları bulunamadı: yüz referans noktası modeli çalıştırılamadı. Noktaları elle yerleştirin veya yeniden deneyin.',
    tooMany: 'Bu planda zaten {{max}} fotoğraf var; daha fazlasını eklemeden önce bazılarını silin.',
    missing: 'Bu planda {{id}} kimlikli bir fotoğraf yok.',
    noStorage: 'Fotoğraflar bu cihazda kayıtlı bir planla birlikte saklanır ve bu tarayıcı planları kaydetmiyor (gizli tarama ya da depolama dolu veya engellenmiş).',
    storageFull: 'Fotoğraf kaydedilemedi: bu cihazda simülatör için boş alan kalmadı. Artık gerekmeyen fotoğrafları veya planları silip yeniden deneyin.',
    storageFailed: 'Fotoğraf bu cihaza kaydedilemedi: tarayıcı kaydetmeyi reddetti.',
    landmarks: {
      notObject: 'Fotoğraf referans noktaları, fotoğrafın pikselleri cinsinden { nasion: [x, y] } gibi bir nesne olmalıdır.',
      unknownName: '{{name}} bir fotoğraf referans noktası değil: {{names}} kullanın.',
      notPoint: '{{name}} referans noktası, fotoğrafın pikselleri cinsinden bir [x, y] noktası olmalıdır.',
      outside: '[{{x}}, {{y}}] konumundaki {{name}} referans noktası fotoğrafın dışında kalıyor ({{width}} × {{height}} piksel).',
    },
  },
  photoFit: {
    tooFewPoints: 'Başı bir fotoğrafa oturtmak için en az {{needed}} referans noktası gerekir (şu ana kadar yerleştirilen: {{placed}}).',
    inLine: 'Referans noktaları tek bir çizgi üzerinde veya aynı yerde; bu nedenle baş bunlara göre döndürülemez: başın farklı yerlerine dağılmış noktalar yerleştirin.',
    badIris: 'İris çapı pozitif bir piksel sayısı olmalıdır.',
    noPose: 'Baş bu referans noktalarına oturtulamadı: her birinin doğru yerde olup olmadığını kontrol edin.',
    measurement: {
      samePoint: 'Ölçüm iki farklı nokta arasında olmalıdır.',
      implausible: 'Bu noktalar arasında {{mm, number}} mm’lik bir ölçü makul değil: {{lo, number}} ile {{hi, number}} mm arasında olmalıdır.',
    },
  },
  history: {
    plan: {
      set: '{{field}}',
      replace: {
        load: 'Planı yükle',
        openLink: 'Bağlantıyı aç',
        fromPage: 'Sayfadan gelen plan',
        otherTab: 'Başka bir sekmedeki değişiklikler',
        merge: 'Başka bir sekmedeki değişikliklerle birleştir',
        reloadOther: 'Diğer sekmenin sürümünü yeniden yükle',
      },
    },
    hairline: { 'apply-preset': 'Saç çizgisi şablonu', 'set-mirror': 'Saç çizgisini simetrik yap', 'move-point': 'Saç çizgisi noktasını taşı', 'add-point': 'Saç çizgisine nokta ekle', 'remove-point': 'Saç çizgisinden nokta kaldır' },
    brush: { density: 'Yoğunluk boya', hair: 'Saç boya', scar: 'Yara izi boya' },
    dots: { 'match-hair': 'Saç rengine eşle' },
    hair: { 'clear-painting': 'Boyanan saçı temizle' },
    density: { 'clear-painting': 'Boyanan yoğunluğu temizle' },
    sessions: { 'set-count_one': '{{count}} seans', 'set-count_other': '{{count}} seans' },
    scars: { add: '{{kind}} ekle', remove: '{{id}} yara izini kaldır', 'clear-painting': '{{id}} yara izini temizle' },
    consent: {
      answer: 'Sağlık yanıtı',
      'set-notes': 'Sağlık notları',
      'set-signer': { client: 'Danışanın adı', practitioner: 'Uygulayıcının adı' },
      'set-signature': { client: 'Danışanın imzası', practitioner: 'Uygulayıcının imzası' },
      sign: 'Onamı imzala',
      'new-version': 'Onamın yeni sürümü',
    },
    view: { 'toggle-loupe': 'Büyüteç' },
    rename: 'Planı yeniden adlandır',
  },
};
