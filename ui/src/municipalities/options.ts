import type { Municipality } from "../api";

/** 都道府県 by the first two digits of the 全国地方公共団体コード (JIS X 0401). */
const PREFECTURES = [
  "北海道 青森県 岩手県 宮城県 秋田県 山形県 福島県 茨城県 栃木県 群馬県",
  "埼玉県 千葉県 東京都 神奈川県 新潟県 富山県 石川県 福井県 山梨県 長野県",
  "岐阜県 静岡県 愛知県 三重県 滋賀県 京都府 大阪府 兵庫県 奈良県 和歌山県",
  "鳥取県 島根県 岡山県 広島県 山口県 徳島県 香川県 愛媛県 高知県 福岡県",
  "佐賀県 長崎県 熊本県 大分県 宮崎県 鹿児島県 沖縄県",
]
  .join(" ")
  .split(" ");

export const prefectureOf = (code6: string): string =>
  PREFECTURES[Number(code6.slice(0, 2)) - 1] ?? "";

export type MunicipalityOption = {
  value: string;
  /** What the field shows: a ward with its city, e.g. さいたま市浦和区. */
  label: string;
  /** Shown beside it in the list, so 府中市 (東京都) and 府中市 (広島県) can be told apart. */
  prefecture: string;
  /** The reading, folded to hiragana, for matching what is typed. */
  kana: string;
};

export function toOptions(municipalities: readonly Municipality[]): MunicipalityOption[] {
  const byCode = new Map(municipalities.map((m) => [m.code6, m]));
  return municipalities.map((m) => {
    const parent = m.parent_code6 ? byCode.get(m.parent_code6) : undefined;
    return {
      value: m.code6,
      // The reference list already names wards with their city (さいたま市大宮区).
      label: parent && !m.name.startsWith(parent.name) ? `${parent.name}${m.name}` : m.name,
      prefecture: prefectureOf(m.code6),
      kana: toHiragana(m.kana),
    };
  });
}

/**
 * Katakana to hiragana and full-width ASCII to half width, for matching in the dropdown only; the
 * core does the real folding for every search that reaches it.
 */
export function toHiragana(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
}

/** Options whose name contains the text or whose reading starts with it, in the given order. */
export function filterOptions(options: readonly MunicipalityOption[], text: string) {
  const query = toHiragana(text.trim());
  if (query === "") return options;
  return options.filter(
    (o) => o.label.includes(query) || o.kana.startsWith(query) || o.prefecture.startsWith(query),
  );
}
