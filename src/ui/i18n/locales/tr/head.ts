import type { Translation } from '../../catalogue';
import type { head as english } from '../en/head';

export const head: Translation<typeof english> = {
  heading: 'Baş şekli',
  intro: 'Varsayılan başı danışanınkine benzetin. Saç çizgisi, yara izleri ve boyanan alanlar deriyi izler; ölçüler şekillendirilmiş baş üzerinde alınır.',
  onScan: 'Baş, danışanın taramasıdır, yani kendi başıdır: baş şekli yalnızca varsayılan başa uygulanır.',
  fields: {
    size: 'Baş boyutu',
    length: 'Baş uzunluğu',
    breadth: 'Baş genişliği',
    foreheadSlopeDeg: 'Alın eğimi',
    crownHeightMm: 'Tepe yüksekliği',
  },
  hints: {
    size: 'Tüm boyutlar, varsayılan başa göre.',
    foreheadSlopeDeg: 'Alnın ne kadar daha geriye yattığı (negatif: daha dik).',
    crownHeightMm: 'Tepenin kulakların ne kadar daha üstünde durduğu (negatif: daha alçak).',
  },
  withLength: '{{percent}} · {{length}}',
  reset: 'Baş şeklini sıfırla',
  history: {
    setShape: 'Baş şekli',
    setShapeFromPhotos_one: '{{count}} fotoğraftan baş şekli',
    setShapeFromPhotos_other: '{{count}} fotoğraftan baş şekli',
    resetShape: 'Baş şeklini sıfırla',
  },
};
