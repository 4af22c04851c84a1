// The page furniture that surrounds a release on a real site: a title line, a date/source line
// (the Chinese CMS style of the seed, or an English portal style), navigation menus and a footer
// with site registration numbers. Extraction must take title/date/publisher from it and keep the
// rest out of the graph.
import type { Random } from './random.ts';
import type { City } from './world.ts';

const PROVINCE_ABBREVIATIONS = ['辽', '京', '沪', '苏', '浙', '粤', '鲁', '吉', '黑', '川', '鄂', '闽', '津', '渝'];
const NAV_ITEMS = ['General Info', 'History and Culture', 'International Affairs', 'Friendly Exchange', 'Investment',
  'News', 'Sister Cities', 'Consulates', 'Travel', 'Contact Us', 'Policies', 'Services'];
const LINKS = '中华人民共和国外交部 国务院港澳事务办公室 省人民政府 市政府网 省人民政府外事办公室';

export interface Page {
  title: string;
  published: string;
  publisher: string;
  home: City;
  paragraphs: string[];
  random: Random;
}

function digits(r: Random, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(r.int(0, 9));
  return s;
}

export function wrapInChrome(page: Page): string {
  const r = page.random;
  const lines: string[] = [];
  const chinese = r.chance(0.6);
  if (!chinese && r.chance(0.5)) lines.push(`Home > News > ${r.pick(['Exchanges', 'Foreign Affairs', 'Sister Cities'])}`);
  lines.push(page.title);
  if (chinese) {
    lines.push(`时间:${page.published} 撰稿人: 供稿部门:${page.publisher}`);
  } else {
    lines.push(`Updated: ${page.published} ${String(r.int(8, 18)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}`);
    lines.push(`Source: ${page.publisher}`);
  }
  lines.push('');
  lines.push(page.paragraphs.join('\n\n'));
  lines.push('');
  const province = r.pick(PROVINCE_ABBREVIATIONS);
  if (chinese) {
    lines.push(`About ${page.home.name}`);
    for (const item of r.sample(NAV_ITEMS, 4)) lines.push(item);
    lines.push(LINKS);
    lines.push('');
    lines.push(`主办:市人民政府外事办公室 地址: 市中心大街${r.int(1, 400)}号 电话:0${digits(r, 10)}`);
    lines.push(`联系电话:0${digits(r, 10)} ${province}公网安备 ${digits(r, 14)}号 网站标识码:${digits(r, 10)}`);
    lines.push(`Copyright ${r.int(2012, 2024)} All Rights Reserved ${province}ICP备${digits(r, 8)}号-${r.int(1, 9)} 网站地图`);
  } else {
    lines.push(r.sample(NAV_ITEMS, 6).join(' | '));
    lines.push('Print | Close | Share');
    lines.push(`Copyright © ${page.home.name} Municipal People's Government. All rights reserved.`);
    lines.push(`Registration Number: ${province}ICP备${digits(r, 8)}号-${r.int(1, 9)}`);
  }
  return lines.join('\n') + '\n';
}
