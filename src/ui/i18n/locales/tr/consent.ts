import type { Translation } from '../../catalogue';
import type { consent as english } from '../en/consent';

export const consent: Translation<typeof english> = {
  heading: 'Onam ve sağlık soruları',
  intro: 'Sağlık sorularını ve onam metnini danışanla birlikte gözden geçirin; ardından ikiniz de ekranda imzalayın. İmzalanmış bir onam değiştirilemez: her değişiklik yeni bir sürüm oluşturur.',
  version: 'Sürüm {{version}}',
  draft: 'Taslak, henüz imzalanmadı',
  signedOn: 'İmza tarihi: {{date}}',
  readOnly: 'İmzalandı ve salt okunur. Bir yanıtı değiştirmek için yeni bir sürüm başlatın: bu sürüm kayıtlı kalır.',
  newVersion: 'Değiştir: {{version}}. sürümü başlat',
  historyFull: 'Bu plan, tutabileceği en fazla sayıda önceki sürümü tutuyor: danışanın yeniden imzalaması için yeni bir plan oluşturun.',
  history: 'Önceki sürümler',
  historyItem: 'Sürüm {{version}}, imza tarihi: {{date}}',
  questionsHeading: 'Sağlık soruları',
  answers: { yes: 'Evet', no: 'Hayır', unsure: 'Emin değilim', unanswered: 'Yanıtlanmadı' },
  details: 'Ayrıntılar',
  notes: 'Diğer sağlık notları',
  notesHint: 'İlaçlar, hastalıklar, önceki dövmeler veya saç tedavileri: uygulayıcının bilmesi gereken her şey.',
  questions: {
    keloids: {
      short: 'Keloid',
      text: 'Keloid ya da kabarık (hipertrofik) iz oluşturma eğiliminiz var mı?',
    },
    anticoagulants: {
      short: 'Kan sulandırıcılar',
      text: 'Kan sulandırıcı ilaç (varfarin, apiksaban, heparin veya her gün aspirin gibi) kullanıyor musunuz ya da bir kanama bozukluğunuz var mı?',
    },
    isotretinoin: {
      short: 'İzotretinoin',
      text: 'Son 6 ay içinde izotretinoin (Roaccutane veya Zoretanin gibi) kullandınız mı?',
    },
    pigmentAllergy: {
      short: 'Pigment alerjisi',
      text: 'Bir dövmeye, pigmente, saç boyasına veya metallere karşı hiç alerjik reaksiyon geçirdiniz mi?',
    },
    anaestheticAllergy: {
      short: 'Anestezik alerjisi',
      text: 'Lokal anesteziklere (lidokain gibi) veya uyuşturucu kremlere karşı alerjiniz var mı?',
    },
    scalpConditions: {
      short: 'Saçlı deri hastalığı',
      text: 'Saçlı derinizde bir cilt hastalığı var mı: sedef, egzama, seboreik dermatit, folikülit, bir enfeksiyon veya açık yaralar?',
    },
    sunExposure: {
      short: 'Güneşe maruz kalma',
      text: 'Saçlı deriniz sık sık güçlü güneşe maruz kalıyor mu (açık havada iş veya spor) ya da şu anda güneş yanığı var mı?',
    },
  },
  warnings: {
    heading: 'Uygulamadan önce',
    levels: { defer: 'Ertele', caution: 'Dikkat', check: 'Netleştir' },
    keloids: 'Keloid eğilimi: önce göze çarpmayan bir yerde küçük bir test alanı uygulayın ve iyileşmesini bekleyin; iğne çalışması kabarık izlere yol açabilir.',
    anticoagulants: 'Kan sulandırıcılar: cilt daha çok kanar; bu, pigmenti dışarı iter ve tutunmasını zayıflatır. İlacı yazan hekime danışın; reçeteli bir ilaç asla hekimin önerisi olmadan bırakılmaz.',
    isotretinoin: 'Son 6 ayda izotretinoin: uygulamayı son dozdan 6 ay sonrasına erteleyin (ince, yavaş iyileşen ve kolay iz bırakan cilt).',
    pigmentAllergy: 'Pigment alerjisi: uygulamadan önce pigmentle yama testi yapın.',
    anaestheticAllergy: 'Anestezik alerjisi: o uyuşturucu ürünü kullanmayın; başka bir ürün ya da hiç kullanmamak konusunda anlaşın.',
    scalpConditions: 'Saçlı deri hastalığı: aktif veya iltihaplı cilt üzerine asla uygulama yapmayın; danışanın hekimiyle birlikte kontrol altına alınana kadar erteleyin.',
    sunExposure: 'Güneş: SMP’yi soldıran UV ışınlarıdır. Güneşte yanmış saçlı deriye ancak iyileştikten sonra uygulama yapın; sonrasında şapka veya saçlı deriye SPF 30+ ve daha erken rötuş (6. adımdaki yaşlanma önizlemesine bakın).',
    unsure: '{{question}}: danışan emin değil. Uygulamadan önce bunu netleştirin.',
  },
  text: {
    heading: 'Onam metni',
    clinic: 'Kliniğin onam metni (Klinik… bölümünde belirlenir).',
    standard: 'Simülatörün standart SMP onam metni. Klinik, Klinik… bölümünde kendi metnini belirleyebilir.',
    asSigned: 'İmzalandığı şekliyle onam metni',
    label: 'Onam metni',
  },
  signatures: {
    heading: 'İmzalar',
    hint: 'Yanıtlar kesinleşince imzalayın: bir yanıtı veya notları değiştirmek imzaları siler.',
    roles: { client: 'Danışan', practitioner: 'Uygulayıcı' },
    name: '{{role}}: ad soyad',
    start: '{{role}}: ekranda imzala',
    pad: '{{role}}: imza. Parmağınızla, bir kalemle veya fareyle çizin.',
    empty: 'Buraya imzalayın',
    clear: 'Temizle',
    drawnAt: 'İmza tarihi: {{date}}',
    image: '{{name}} adlı kişinin imzası',
    tooLarge: 'Bu imza saklanamayacak kadar ayrıntılı. Temizleyip biraz daha sade şekilde yeniden imzalayın.',
  },
  sign: 'Onamı imzala',
  missing: {
    heading: 'İmzalamadan önce eksik olanlar:',
    answers_one: '{{count}} sağlık sorusu yanıtlanmadı',
    answers_other: '{{count}} sağlık sorusu yanıtlanmadı',
    name: '{{role}}: ad soyad',
    signature: '{{role}}: imza',
  },
  report: {
    heading: 'Onam ve sağlık soruları',
    notSigned: 'Taslak: henüz imzalanmadı.',
    earlier: 'Önceki imzalı sürümler: {{versions}}.',
    notes: 'Diğer sağlık notları',
  },
  standardText: `Saçlı deri mikropigmentasyonu (SMP) için onam

Saçlı deri mikropigmentasyonu kozmetik bir dövmedir: uygulayıcı, tıraşlı saç köklerini taklit etmek için saçlı derinin üst katmanına küçük pigment noktaları yerleştirir. Saç çıkarmaz. Uzun süre kalır, ancak yıllar içinde solar.

Uygulama genellikle 10 ila 30 gün arayla, her biri 2 ila 4 saat süren 2 ila 4 seanstan oluşur. Uyuşturucu bir ürün kullanılabilir. İlk günlerde kızarıklık, hafif şişlik ve küçük kabuklar normaldir.

Riskler bana açıklandı:
- Pigmentin rengi zamanla değişebilir; çoğunlukla mavimsi veya gri bir tona döner.
- Pigment, özellikle güneş ışığı nedeniyle solar; genellikle 3 ila 6 yılda bir rötuş gerekir.
- Pigment deri altında yayılabilir (migrasyon veya “blowout”); bu durumda noktalar daha büyük ya da bulanık görünür.
- Seyrek de olsa pigmente veya uyuşturucu ürüne karşı alerjik reaksiyon görülebilir.
- Her dövmede olduğu gibi enfeksiyon görülebilir.
- Keloid eğilimi olan kişilerde kabarık izler oluşabilir.
- İz dokusu pigmenti daha az tutabilir ve ek seans gerektirebilir.

Bakım: Bana verilen bakım talimatlarına uyacağım: saçlı derimi kuru ve temiz tutacak, önerilen günler boyunca terlemekten, yüzmekten, saunadan, şampuandan ve tahriş edici ürünlerden, iyileşme sırasında da doğrudan güneşten kaçınacağım. Sonrasında solmayı yavaşlatmak için saçlı derimi güneşten koruyacağım (şapka ya da SPF 30 veya üzeri güneş koruyucu ile).

Sonuçlar cilt tipine, sağlık durumuna ve bakıma göre kişiden kişiye değişir. Danışmanlıkta gösterilen önizleme bir bilgisayar simülasyonudur, sonucun garantisi değildir.

Sağlık sorularını doğru olarak yanıtladım ve her seanstan önce her türlü değişikliği kliniğe bildireceğim. Soru sorma fırsatım oldu ve uygulamaya onay veriyorum.`,
};
