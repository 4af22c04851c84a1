// Personal-name material for the synthetic corpus, by naming tradition. Hand-written lists of
// common names; the generator combines them, so no real person is described.
import type { Random } from './random.ts';

export type NameStyle = 'chinese' | 'japanese' | 'korean' | 'german' | 'french' | 'english' | 'italian'
  | 'hungarian' | 'spanish' | 'polish' | 'dutch' | 'czech';

export interface PersonName {
  family: string;
  given: string;
  style: NameStyle;
}

const CHINESE_FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Zhao', 'Huang', 'Zhou', 'Wu', 'Xu', 'Sun',
  'Hu', 'Zhu', 'Gao', 'Lin', 'He', 'Guo', 'Ma', 'Luo', 'Liang', 'Song', 'Zheng', 'Xie', 'Han', 'Tang', 'Feng',
  'Yu', 'Dong', 'Xiao', 'Cheng', 'Cao', 'Yuan', 'Deng', 'Fu', 'Shen', 'Zeng', 'Peng', 'Lyu', 'Su', 'Lu', 'Jiang',
  'Cai', 'Jia', 'Ding', 'Wei', 'Xue', 'Ye', 'Yan', 'Pan', 'Du', 'Dai', 'Xia', 'Zhong', 'Tian', 'Ren', 'Fan',
  'Fang', 'Shi', 'Yao', 'Tan', 'Liao', 'Zou', 'Xiong', 'Jin', 'Hao', 'Kong', 'Bai', 'Cui', 'Kang', 'Mao', 'Qiu',
  'Qin', 'Duan', 'Nie', 'Lei', 'Meng', 'Qian', 'Gu', 'Hou', 'Shao', 'Wan', 'Yin', 'Chang'];
const CHINESE_SYLLABLES = ['zhi', 'cheng', 'ji', 'yang', 'wei', 'hong', 'jian', 'guo', 'ming', 'hua', 'li', 'xin',
  'hai', 'tao', 'jun', 'feng', 'yu', 'lin', 'xiao', 'ping', 'dong', 'bo', 'qiang', 'lei', 'yong', 'jie', 'ning',
  'rui', 'shan', 'yan', 'hui', 'peng', 'chao', 'kai', 'wen', 'bin', 'gang', 'liang', 'fang', 'juan', 'qing', 'hao',
  'zhen', 'de', 'sheng', 'xue', 'yun', 'chun', 'lan', 'mei', 'jing', 'long', 'tian', 'kang', 'shu', 'rong', 'song'];

const JAPANESE_FAMILY = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura',
  'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi',
  'Shimizu', 'Yamazaki', 'Mori', 'Abe', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Okada', 'Hasegawa', 'Fujita',
  'Goto', 'Kondo', 'Murakami', 'Endo', 'Aoki', 'Sakamoto', 'Fukuda', 'Ota', 'Nishimura', 'Fujii', 'Okamoto',
  'Matsuda', 'Nakajima', 'Harada', 'Ono', 'Takeda', 'Ueda', 'Morita', 'Kawaguchi', 'Nomura', 'Kubo'];
const JAPANESE_GIVEN = ['Hiroshi', 'Takeshi', 'Kenji', 'Yuki', 'Haruto', 'Sota', 'Kenta', 'Shota', 'Takuya', 'Naoki',
  'Satoshi', 'Kazuo', 'Masato', 'Yoshiko', 'Keiko', 'Akiko', 'Yumi', 'Emi', 'Naomi', 'Tomoko', 'Hiroko', 'Ryo',
  'Makoto', 'Tetsuya', 'Osamu', 'Koji', 'Shinji', 'Norihiro', 'Masahiro', 'Toshio', 'Yasuhiro', 'Akira', 'Jun',
  'Kaori', 'Mayumi', 'Ichiro', 'Goro', 'Shigeru', 'Hideki', 'Kazuhiko'];

const KOREAN_FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh',
  'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Yoo', 'Hong', 'Jeon', 'Ko', 'Moon', 'Yang', 'Bae', 'Baek'];
const KOREAN_GIVEN = ['Min-jun', 'Seo-yeon', 'Ji-hoon', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Seung-hyun', 'Hyun-woo',
  'Eun-ji', 'Soo-jin', 'Jae-sung', 'Young-ho', 'Dong-hyun', 'Sung-min', 'Mi-kyung', 'Jin-ho', 'Kyung-soo',
  'Hye-jin', 'Sang-woo', 'Jong-hoon', 'Yeon-hee', 'Tae-yang', 'Woo-jin', 'Na-young'];

const WESTERN: Record<Exclude<NameStyle, 'chinese' | 'japanese' | 'korean'>, { given: string[]; family: string[] }> = {
  german: {
    given: ['Thomas', 'Andreas', 'Michael', 'Stefan', 'Katharina', 'Sabine', 'Julia', 'Jürgen', 'Matthias', 'Ulrike',
      'Wolfgang', 'Petra', 'Frank', 'Monika', 'Uwe', 'Birgit'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Hoffmann',
      'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Zimmermann', 'Krüger', 'Hartmann'],
  },
  french: {
    given: ['Jean', 'Pierre', 'Marie', 'Sophie', 'Nicolas', 'Isabelle', 'François', 'Élodie', 'Laurent', 'Hélène',
      'Philippe', 'Nathalie', 'Olivier', 'Céline'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
      'Lefèvre', 'Girard', 'Fontaine', 'Rousseau', 'Mercier', 'Chevalier'],
  },
  english: {
    given: ['James', 'Oliver', 'Emma', 'Sarah', 'David', 'Claire', 'Richard', 'Fiona', 'Patrick', 'Siobhan',
      'Michael', 'Helen', 'Andrew', 'Rachel', 'Daniel', 'Laura', 'Robert', 'Karen'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans', 'Thompson', "O'Neill", 'Murphy', 'Walsh',
      'Campbell', 'Stewart', 'Robinson', 'Wright', 'Walker', 'Hughes', 'Edwards', 'Green', 'Baker', 'Carter'],
  },
  italian: {
    given: ['Marco', 'Giulia', 'Luca', 'Francesca', 'Alessandro', 'Chiara', 'Giovanni', 'Paola', 'Andrea', 'Roberta'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco',
      'Bruno', 'Gallo', 'Conti', 'De Luca'],
  },
  hungarian: {
    given: ['László', 'Zoltán', 'Katalin', 'Péter', 'Ágnes', 'Gábor', 'Erzsébet', 'István', 'Tamás', 'Éva'],
    family: ['Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh'],
  },
  spanish: {
    given: ['José', 'Carmen', 'Javier', 'Lucía', 'Antonio', 'María', 'Miguel', 'Elena', 'Alejandro', 'Pilar'],
    family: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz'],
  },
  polish: {
    given: ['Piotr', 'Anna', 'Krzysztof', 'Agnieszka', 'Tomasz', 'Magdalena', 'Paweł', 'Małgorzata', 'Marek', 'Ewa'],
    family: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński',
      'Szymański', 'Woźniak'],
  },
  dutch: {
    given: ['Jan', 'Pieter', 'Sanne', 'Lotte', 'Willem', 'Anouk', 'Joris', 'Femke', 'Bram', 'Marieke'],
    family: ['de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos'],
  },
  czech: {
    given: ['Jan', 'Petr', 'Lucie', 'Tereza', 'Jiří', 'Martina', 'Pavel', 'Jana', 'Tomáš', 'Hana'],
    family: ['Novák', 'Svoboda', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Marek'],
  },
};

export function makeName(random: Random, style: NameStyle): PersonName {
  switch (style) {
    case 'chinese': {
      const syllables = random.int(1, 2);
      let given = '';
      for (let i = 0; i < syllables; i++) given += random.pick(CHINESE_SYLLABLES);
      return { family: random.pick(CHINESE_FAMILY), given: given[0]!.toUpperCase() + given.slice(1), style };
    }
    case 'japanese':
      return { family: random.pick(JAPANESE_FAMILY), given: random.pick(JAPANESE_GIVEN), style };
    case 'korean':
      return { family: random.pick(KOREAN_FAMILY), given: random.pick(KOREAN_GIVEN), style };
    default: {
      const list = WESTERN[style];
      return { family: random.pick(list.family), given: random.pick(list.given), style };
    }
  }
}

/**
 * How an article writes the name. Chinese names are family-first; Japanese and Korean names appear
 * in either order (English-language releases mix them), Western names given-first. Pinyin "Lyu"
 * is sometimes printed "Lv" or "Lü", as real releases do.
 */
export function writeName(name: PersonName, random: Random): string {
  switch (name.style) {
    case 'chinese': {
      let family = name.family;
      if (family === 'Lyu' && random.chance(0.3)) family = random.pick(['Lv', 'Lü']);
      return `${family} ${name.given}`;
    }
    case 'japanese':
    case 'korean':
      return random.chance(0.5) ? `${name.family} ${name.given}` : `${name.given} ${name.family}`;
    default:
      return `${name.given} ${name.family}`;
  }
}

/** The form used after an honorific ("Mayor Tanaka", "Mayor Lyu Zhicheng"). */
export function shortName(name: PersonName, random: Random): string {
  if (name.style === 'chinese') return random.chance(0.5) ? name.family : `${name.family} ${name.given}`;
  return name.family;
}
