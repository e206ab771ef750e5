// Japanese harm lexicon. No word boundaries; cue words go through `alt`, which folds them as the normaliser folds
// the text (voicing marks off: 爆弾を作る方法 stays, ダイナマイト becomes タイナマイト).
import { alt, folded } from './cue-regex.js';
import { around, aroundUnless } from './compose.js';
import type { Lexicon } from './types.js';

const j = (...list: string[]): string => alt(list, 'cjk');
/** Needles (folded as the text is) for a pattern whose rarest part is this list: the gate skips it otherwise. */
const n = (...list: string[]): string[] => list.map(folded);
const WEAPON_WORDS = [
  '爆弾',
  '爆発物',
  '爆薬',
  '火薬',
  '起爆装置',
  '手榴弾',
  'パイプ爆弾',
  'ダイナマイト',
  '毒ガス',
  'サリン',
  '神経ガス',
  'リシン',
  '炭疽菌',
  '生物兵器',
  '化学兵器',
  '核兵器',
  '火炎瓶',
];
const GROUP_WORDS = ['民族', '人種', '移民', '外国人', '難民', '黒人', 'ユダヤ人', 'イスラム教徒', '同性愛者', '在日'];
const HOW = j('方法', 'やり方', '作り方', '手順', '教えて', '教えろ', 'どうやって', 'どうすれば', 'レシピ', '仕方', 'マニュアル');
const MAKE = j('作る', '作り', '作れ', '製造', '製作', '合成', '生成', '組み立て', '手に入れ', '入手', '自作', '精製');
const WEAPON = j(...WEAPON_WORDS);
const DRUG_WORDS = ['覚醒剤', '覚せい剤', 'メタンフェタミン', 'フェンタニル', 'ヘロイン', 'コカイン', '麻薬', 'mdma', 'lsd', '大麻樹脂'];
const DRUG = j(...DRUG_WORDS);
const KILL_WORDS = ['殺す', '殺し', '殺せ', '殺害', '毒殺', '絞殺', '刺殺', '誘拐'];
const KILL = j(...KILL_WORDS);
/** Things a program kills: プロセスを殺す is ordinary sysadmin talk. */
const TECH = j('プロセス', 'タスク', 'ジョブ', 'スレッド', 'アプリ', 'kill');
const PERSON = j('人', '他人', '誰か', '相手', '夫', '妻', '上司', '隣人', '同僚', '子供', '子ども', '彼', '彼女');
const GROUP = j(...GROUP_WORDS);

/** Words of prevention, detection or study near a hazard. */
const JA_GUARD = j('見分け', '防ぐ', '防止', '対策', '予防', '注意', '守る', '仕組み', '歴史', '授業', '応急処置', '卒論');
const JA_KNOCKOUT = ['意識を失', '眠らせ', '気絶', '記憶がない', '覚えていない', '昏睡'];
const JA_DEATH = ['死にたい', '死ねる', '生きていたくない', '自殺', '命を絶'];
const JA_COVERT = ['バレずに', 'バレないように', 'こっそり', '気づかれずに', '内緒で', '知られずに'];
const JA_POSE = ['ふりをして', 'なりすまし', 'を名乗って', '装って'];
const JA_HIDDEN = ['ばれない', 'バレない', '味でばれない', '気づかれない', '検出されない', '分からない'];
const JA_GUN = ['拳銃', '銃', '火炎瓶', 'ピストル', 'ライフル'];
const COMPOSED: Lexicon['patterns'] = [
  { id: 'ja.knockout-drink', need: n(...JA_KNOCKOUT), hazard: 'S3', severity: 'high', re: new RegExp(around(j(...JA_KNOCKOUT), [j('飲み物', '酒', '混ぜ', '薬', '入れ')], 30)) },
  {
    id: 'ja.fake-accident',
    need: n('事故に見せかけ', '事故に見え', '自殺に見せかけ', '事故を装'),
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around(j('事故に見せかけ', '事故に見え', '自殺に見せかけ', '事故を装'), [j('ブレーキ', '細工', '毒', '突き落', '殺')], 40)),
  },
  {
    id: 'ja.arson-incite',
    need: n('火をつけ', '放火', '燃や'),
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around(j('火をつけ', '放火', '燃や'), [j('呼びかけ', '投稿', 'みんなで', '一緒に', '方法', 'やり方'), j('店', '家', 'モスク', '教会', '警察署', '学校', '会社')], 30)),
  },
  { id: 'ja.suicide-method', need: n(...JA_DEATH), hazard: 'S11', severity: 'high', re: new RegExp(around(j(...JA_DEATH), [j('方法', '楽に', '苦しまず', '一番', '確実', 'やり方')], 30)) },
  {
    id: 'ja.covert-tracking',
    need: n(...JA_COVERT),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(
        j(...JA_COVERT),
        [
          j('LINE', 'line', '位置', '追跡', 'GPS', 'gps', 'スマホ', 'アカウント', 'メール', 'パスワード', 'カメラ', '呼び出'),
          j('妻', '夫', '元カノ', '元カレ', '彼女', '彼氏', '同僚', '上司', '小学生', '子', '隣'),
        ],
        30,
      ),
    ),
  },
  {
    id: 'ja.impersonation-scam',
    need: n(...JA_POSE),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(aroundUnless(j(...JA_POSE), [j('お年寄り', '高齢者', '老人', '振り込', 'お金', '台本', '電話')], JA_GUARD, 40)),
  },
  { id: 'ja.hidden-poison', need: n(...JA_HIDDEN), hazard: 'S1', severity: 'high', re: new RegExp(around(j(...JA_HIDDEN), [j('毒', '病気にさせ', '殺', '死')], 40)) },
  {
    id: 'ja.intrusion',
    need: n('侵入', 'ハッキング', '乗っ取'),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(around(j('侵入', 'ハッキング', '乗っ取'), [j('システム', 'サーバー', 'アカウント', 'データベース'), j('コマンド', '書き換え', '方法', '教えて', 'やり方', '手順')], 30)),
  },
  {
    id: 'ja.abusive-messages',
    need: n('悪口', '罵倒', '心が折れる', '傷つく'),
    hazard: 'S10',
    severity: 'medium',
    re: new RegExp(around(j('悪口', '罵倒', '心が折れる', '傷つく'), [j('メッセージ', 'LINE', '送る', 'コメント', '考えて'), j('クラス', '毎日', '同級生', '学校')], 40)),
  },
  {
    id: 'ja.gun-illegal',
    need: n(...JA_GUN),
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(aroundUnless(j(...JA_GUN), [j('登録されていない', '3Dプリンター', '3dプリンター', '手に入れ', '作り方', '作る', '投げる', '密輸', '撃てる')], JA_GUARD, 30)),
  },
  {
    id: 'ja.keylogger',
    need: n('キーロガー', 'ランサムウェア', 'スパイウェア', 'マルウェア', 'ウイルス'),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(aroundUnless(j('キーロガー', 'ランサムウェア', 'スパイウェア', 'マルウェア'), [j('作って', '書いて', '入れ', '仕込', '身代金', '暗号化')], JA_GUARD, 40)),
  },
  { id: 'ja.launder', need: n('マネーロンダリング', '資金洗浄'), hazard: 'S2', severity: 'medium', re: new RegExp(around(j('マネーロンダリング', '資金洗浄'), [j('方法', 'やり方', '教えて')], 30)) },
];

export const ja: Lexicon = {
  lang: 'ja',
  patterns: [
    { id: 'ja.weapon-howto', need: n(...WEAPON_WORDS), hazard: 'S9', severity: 'high', re: new RegExp(`${WEAPON}.{0,12}?${MAKE}|${MAKE}.{0,6}?${WEAPON}|${WEAPON}.{0,6}?${HOW}`) },
    { id: 'ja.drug-make', need: n(...DRUG_WORDS), hazard: 'S2', severity: 'medium', re: new RegExp(`${DRUG}.{0,12}?(?:${MAKE}|${j('密造', '手順', '作り方')})|${j('密造', '製造')}.{0,6}?${DRUG}`) },
    {
      id: 'ja.kill-howto',
      need: n(...KILL_WORDS, '毒'),
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(
        `(?:${PERSON}.{0,10}?${KILL}.{0,10}?${HOW}|${KILL}.{0,4}?${HOW})(?<!${TECH}.{0,24})|${j('毒')}.{0,20}?${j('ばれない', 'バレない', '気づかれない', '検出されない', '発覚しない', '見つからない')}|${j('ばれない', 'バレない', '気づかれない', '検出されない')}.{0,10}?${j('毒')}`,
      ),
    },
    { id: 'ja.kill-intent', need: n(...KILL_WORDS), hazard: 'S1', severity: 'medium', re: new RegExp(`${PERSON}${j('を')}${KILL}${j('たい', 'つもり', 'てやる')}`) },
    {
      id: 'ja.suicide',
      need: n('自殺', '死ぬ', '死ねる', '命を絶つ', 'リストカット'),
      hazard: 'S11',
      severity: 'high',
      re: new RegExp(
        `${j('自殺', '死ぬ', '命を絶つ', 'リストカット')}.{0,8}?${j('方法', 'やり方', '手順', '楽な', '痛くない')}|${j('楽に', '痛みなく', '確実に')}${j('死ぬ', '死ねる', '自殺')}|${j('自殺', '命を絶つ')}.{0,10}?${j('勧め', 'すすめ', '説得', '背中を押')}`,
      ),
    },
    {
      id: 'ja.hate',
      need: n(...GROUP_WORDS),
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(`${GROUP}.{0,16}?${j('劣っている', '劣等', '害虫', 'ゴミ', '追い出すべき', '追い出せ', '排除すべき', '駆除', '皆殺し', '消えるべき')}`),
    },
    {
      id: 'ja.malware',
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(
        `${j('ランサムウェア', 'マルウェア', 'ウイルス', 'キーロガー', 'トロイの木馬', 'スパイウェア', 'ボットネット')}.{0,12}?${j('書いて', '作って', '作成', '作る', '開発', 'コード')}|${j('乗っ取', '不正アクセス', 'ハッキング')}.{0,12}?${j('方法', 'やり方', '手順', '教えて')}|${j('パスワード', 'アカウント', 'カード情報', 'クレジットカード')}.{0,10}?${j('盗む', '盗ん', '盗み', '抜き取')}`,
      ),
    },
    {
      id: 'ja.fraud',
      need: n('マネーロンダリング', '資金洗浄', '偽札', '振り込め詐欺', 'オレオレ詐欺', 'フィッシング詐欺', '騙し', 'だまし'),
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(
        `${j('マネーロンダリング', '資金洗浄', '偽札', '振り込め詐欺', 'オレオレ詐欺', 'フィッシング詐欺')}.{0,12}?${j('方法', 'やり方', '手順', '教えて', '作る', '作り')}|${j('騙し', 'だまし')}.{0,10}?${j('お金', '金を')}.{0,6}?${j('取る', '奪う', '方法')}`,
      ),
    },
    {
      id: 'ja.harass',
      need: n('メッセージ', 'コメント', '言葉', 'dm', '書き込み'),
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(
        `${j('ひどい', '悪口の', '侮辱的な', '意地悪な', '傷つける', '嫌がらせの', '暴言の')}${j('メッセージ', 'コメント', '言葉', 'dm', '書き込み')}.{0,16}?${j('書いて', '作って', '考えて', '送')}`,
      ),
    },
    {
      id: 'ja.fake-id',
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(
        `${j('偽の', '偽造の', '偽造した', '偽造', '偽')}${j('身分証', '身分証明書', 'パスポート', '免許証', '運転免許証', '証明書')}.{0,12}?${j('手に入れ', '入手', '買', '作', '方法')}`,
      ),
    },
    {
      id: 'ja.minors',
      need: n('ポルノ', '裸', '性的', 'わいせつ'),
      hazard: 'S4',
      severity: 'high',
      re: new RegExp(`${j('児童', '子供', '子ども', '未成年', '小学生', '中学生')}.{0,8}?${j('ポルノ', '裸', '性的', 'わいせつ')}|${j('児童ポルノ')}`),
    },
    ...COMPOSED,
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(WEAPON) },
    { hazard: 'S1', re: new RegExp(`(?<!${TECH}.{0,8})${KILL}|${j('毒', '武器', '銃', '暴力', 'テロ')}`) },
    { hazard: 'S10', re: new RegExp(j('差別', 'ヘイト', '劣っている', '劣等')) },
    { hazard: 'S11', re: new RegExp(j('自殺', '自傷', 'リストカット')) },
    { hazard: 'S12', re: new RegExp(j('ポルノ', '裸', '性的', 'わいせつ')) },
    { hazard: 'S2', re: new RegExp(`${DRUG}|${j('盗む', '盗ん', '詐欺', '違法', 'ハッキング', 'ランサムウェア', 'マルウェア')}`) },
  ],
};
