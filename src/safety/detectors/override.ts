// Instruction-override shapes in six languages, by composition rather than phrase lists: rules declared void
// (aimed at the assistant's or the earlier rules), requests for the hidden/system instructions, hijacks of the
// current task, and a fictional frame around a step-by-step procedure for something dangerous. Each shape is a
// gate word (cheap test) and two parts that must both occur; all of it runs on the normalised text.
import { alt, folded, leadUnits, mayStart, nonAsciiUnits, type Script } from '../lexicon/cue-regex.js';
import { leftmostNearNeedles, MAX_SPOTS, RunCache, type Found } from '../lexicon/near-needles.js';
import { NeedleGate, PROMPT_NEEDLES } from '../lexicon/needles.js';
import type { Category, DetectorResult, Finding } from '../types.js';

/**
 * One regex of a shape, `latin|cjk`, in its two halves: the Latin branches, every match of which holds a needle of one
 * Latin list (so they run on windows around those needles), and the CJK branches (run on the whole text).
 */
export interface Split {
  /** The whole regex, as one: what the halves together must find. */
  readonly whole: RegExp;
  readonly latin?: RegExp;
  /** Needle group (index into GROUPS) every match of `latin` holds one of; undefined: `latin` runs on the whole text. */
  readonly group?: number;
  readonly cjk?: RegExp;
  /** The code units every match of `cjk` starts with, when its source says (lexicon/cue-regex.ts: leadUnits). */
  readonly cjkLeads?: ReadonlySet<number>;
  /** Every match of `cjk` starts with Han or kana: it cannot match a text without (CJK_TEXT). */
  readonly cjkOnly: boolean;
}

export interface Shape {
  readonly id: string;
  readonly category: Category;
  readonly why: string;
  /** Cheap first test (the rarest part). Its Latin needles decide whether the shape is tried at all. */
  readonly gate: Split;
  /** The whole shape; must match for a finding. */
  readonly re: Split;
  /** Optional third part that must occur anywhere in the text (e.g. aimed at the assistant). */
  readonly also?: Split;
}

const a = (script: Script, ...list: string[]): string => alt(list, script);
/** Each Latin list's needles: the longest word of every cue, folded (a substring of any text the cue matches). */
const NEEDLES = new Map<string, string[]>();
const L = (...list: string[]): string => {
  const src = a('latin', ...list);
  NEEDLES.set(
    src,
    list.map((w) =>
      folded(w)
        .split(/[\s'’-]+/)
        .reduce((x, y) => (y.length > x.length ? y : x), ''),
    ),
  );
  return src;
};
const C = (...list: string[]): string => a('cjk', ...list);
/** Up to this many characters between the parts of a shape (Latin, CJK). */
const GAP = '.{0,40}?';
const GAP_C = '[^。！？!?\\n]{0,16}?';

// --- rules declared void --------------------------------------------------------------------------------------
const RULES_L = L(
  'rules',
  'instructions',
  'guidelines',
  'restrictions',
  'safety training',
  'content polic*',
  'filters',
  'safeguards',
  'regeln',
  'anweisungen',
  'richtlinien',
  'sicherheitsrichtlinien',
  'sicherheitsregeln',
  'vorgaben',
  'einschrankungen',
  'filter',
  'regles',
  'consignes',
  'directives',
  'filtres',
  'garde-fous',
  'reglas',
  'instrucciones',
  'normas',
  'directrices',
  'restricciones',
  'filtros',
);
const VOID_L = L(
  'no longer apply',
  'no longer exist',
  'no longer valid',
  'no longer count',
  "don't apply",
  'do not apply',
  "don't exist",
  'do not exist',
  'were removed',
  'was removed',
  'have been removed',
  'has been removed',
  'are removed',
  'are disabled',
  'were disabled',
  'have been disabled',
  'are lifted',
  'have been lifted',
  'are void',
  'are null and void',
  'are cancelled',
  'are canceled',
  'were deleted',
  'are off',
  'are switched off',
  'are turned off',
  'were revoked',
  'have been revoked',
  'gelten nicht mehr',
  'gelten ab sofort nicht mehr',
  'gelten jetzt nicht mehr',
  'sind aufgehoben',
  'wurden aufgehoben',
  'sind ungultig',
  'sind deaktiviert',
  'wurden deaktiviert',
  'sind abgeschaltet',
  'wurden entfernt',
  'sind entfernt',
  'wurden geloscht',
  'existieren nicht mehr',
  'sind ausser kraft',
  "ne s'appliquent plus",
  'ne comptent plus',
  "n'existent plus",
  'sont annulees',
  'sont supprimees',
  'sont desactivees',
  'sont levees',
  'sont caduques',
  'ont ete supprimees',
  'ont ete annulees',
  'ont ete desactivees',
  'ont ete levees',
  'ne sont plus valables',
  'ya no valen',
  'ya no aplican',
  'ya no se aplican',
  'ya no existen',
  'ya no cuentan',
  'ya no rigen',
  'han sido eliminadas',
  'fueron eliminadas',
  'estan desactivadas',
  'han sido anuladas',
  'fueron anuladas',
  'han sido desactivadas',
  'quedan anuladas',
  'no existen',
);
const AIMED_L = L(
  'your',
  'you',
  'above',
  'previous',
  'prior',
  'earlier',
  'deine',
  'deinen',
  'dein',
  'du',
  'obigen',
  'vorherigen',
  'bisherigen',
  'tes',
  'tu',
  'ci-dessus',
  'precedentes',
  'tus',
  'de arriba',
  'anteriores',
  'ai',
  'ki',
  'ia',
);
const RULES_C = C('规则', '規則', '指令', '指示', '限制', '准则', '準則', '过滤', '過濾', '设定', '設定', '约束', '約束', 'ルール', '規則', '制限', 'ガイドライン', 'フィルター', 'ポリシー', '制約');
const VOID_C = C(
  '已经被取消',
  '已被取消',
  '被取消',
  '已经取消',
  '取消了',
  '已被删除',
  '被删除',
  '已经解除',
  '被解除',
  '解除了',
  '已被废除',
  '被废除',
  '不再适用',
  '不再適用',
  '不再有效',
  '全部作废',
  '作废',
  '作廢',
  '无效',
  '無效',
  '失效',
  '無効',
  '解除され',
  '撤廃',
  '削除され',
  '適用されない',
  'もう存在しない',
  'なくなった',
  'オフになっ',
);
const AIMED_C = C('你', '您', '以上', '上面', '之前', '先前', 'あなた', '上記', '以前', 'これまで', '今まで', 'ai', '安全');

// --- hidden instructions asked for ----------------------------------------------------------------------------
const SHOW_L = L(
  'show',
  'reveal',
  'print',
  'output',
  'tell me',
  'display',
  'repeat',
  'give me',
  'leak',
  'dump',
  'write out',
  'spell out',
  'zeig*',
  'verrat*',
  'gib mir',
  'nenn*',
  'wiederhol*',
  'ausgeb*',
  'druck*',
  'affiche*',
  'montre*',
  'revele*',
  'donne-moi',
  'dis-moi',
  'repete*',
  'ecris',
  'muestra*',
  'muestrame',
  'ensename',
  'revela*',
  'dime',
  'repite',
  'escribe',
  'imprime',
);
const SECRET_L = L(
  'system prompt',
  'system-prompt',
  'systemprompt',
  'hidden instructions',
  'secret instructions',
  'initial instructions',
  'instructions you were given',
  'instructions you received',
  'your configuration',
  'your instructions',
  'deinen systemprompt',
  'versteckten anweisungen',
  'geheimen anweisungen',
  'welche anweisungen du',
  'deine anweisungen',
  'deine konfiguration',
  'prompt systeme',
  'consignes cachees',
  'instructions cachees',
  'quelles consignes',
  'quelles instructions',
  'tes instructions',
  'prompt de sistema',
  'instrucciones ocultas',
  'instrucciones secretas',
  'que instrucciones',
  'tus instrucciones',
);
const SHOW_C = C(
  '告诉',
  '告訴',
  '输出',
  '輸出',
  '显示',
  '顯示',
  '打印',
  '重复',
  '重複',
  '说出',
  '說出',
  '给我看',
  '給我看',
  '透露',
  '泄露',
  '列出',
  '表示',
  '教えて',
  '見せて',
  '繰り返',
  '書き出',
  '出力',
);
const SECRET_C = C(
  '系统提示',
  '系統提示',
  '系统指令',
  '系統指令',
  '隐藏指令',
  '隱藏指令',
  '隐藏的指令',
  '初始指令',
  '收到的指令',
  '收到的隐藏',
  '你的指令',
  '你的设定',
  '你的提示词',
  'システムフロンフト',
  '隠し指示',
  '隠された指示',
  '最初に与えられた指示',
  '初期指示',
  'あなたの指示',
  '設定内容',
);

// --- current task hijacked -------------------------------------------------------------------------------------
const HIJACK_L = L(
  'new task from the administrator',
  'new task from the admin',
  'new task from the system',
  'new task from the developer',
  'new instructions from the administrator',
  'new instructions from the admin',
  'forget the previous task',
  'forget your previous task',
  'forget the current task',
  'forget your task',
  'forget the earlier task',
  'neue aufgabe vom administrator',
  'neue aufgabe vom admin',
  'neue aufgabe des administrators',
  'neue anweisung vom administrator',
  'vergiss den bisherigen auftrag',
  'vergiss die bisherige aufgabe',
  'vergiss den vorherigen auftrag',
  'vergiss die vorherige aufgabe',
  "nouvelle tache de l'administrateur",
  "nouvelle tache de l'admin",
  'nouvelle tache du systeme',
  "nouvelle consigne de l'administrateur",
  'oublie la mission precedente',
  'oublie la tache precedente',
  'oublie ta mission',
  'oublie ta tache',
  'nueva tarea del administrador',
  'nueva tarea del admin',
  'nueva tarea del sistema',
  'nueva instruccion del administrador',
  'olvida el encargo anterior',
  'olvida la tarea anterior',
  'olvida tu tarea',
  'olvida la mision anterior',
);
const HIJACK_C = C(
  '管理员的新任务',
  '管理員的新任務',
  '管理员新任务',
  '忘掉之前的任务',
  '忘记之前的任务',
  '忘記之前的任務',
  '忘掉原来的任务',
  '管理者からの新しい',
  'これまての仕事は忘れ',
  'これまてのタスクは忘れ',
  '以前のタスクは忘れ',
);
const EXFIL_L = L("send the user's", 'send the users', 'forward the user', "send the user's chat history", 'send all the data');
const EXFIL_NEXT = L('history', 'conversation', 'data', 'credentials', 'password*', 'messages', 'emails', 'files');

// --- fiction around a dangerous procedure ----------------------------------------------------------------------
const FICTION_L = L(
  'novel',
  'story',
  'thriller',
  'fiction',
  'fictional',
  'screenplay',
  'hypothetical*',
  'in a world',
  'imagine',
  'role-play',
  'roleplay',
  'roman',
  'geschichte',
  'krimi',
  'fiktiv*',
  'hypothetisch',
  'in einer welt',
  'stell dir vor',
  'polar',
  'histoire',
  'fictif',
  'fictive',
  'dans un monde',
  'imagine',
  'novela',
  'historia',
  'ficcion',
  'ficticio',
  'hipotetic*',
  'en un mundo',
  'imagina',
);
const STEPS_L = L(
  'step by step',
  'step-by-step',
  'every step',
  'each step',
  'exact quantities',
  'real quantities',
  'exact amounts',
  'in full detail',
  'in detail',
  "don't hold back",
  'do not hold back',
  'leave out no',
  'without leaving out',
  'schritt fur schritt',
  'jeden schritt',
  'genaue mengen',
  'ausfuhrlich',
  'im detail',
  'keine schritte aus',
  'etape par etape',
  'chaque etape',
  'quantites exactes',
  'en detail',
  'sans rien censurer',
  'sans rien omettre',
  'paso a paso',
  'cada paso',
  'cantidades exactas',
  'en detalle',
  'sin omitir nada',
  'con detalle',
);
const DANGER_L = L(
  'weapon*',
  'bomb*',
  'explosive*',
  'poison*',
  'drug*',
  'meth',
  'forbidden',
  'prohibited',
  'illegal',
  'dangerous procedure',
  'waffe*',
  'bombe*',
  'sprengstoff*',
  'gift',
  'drogen',
  'verbotene*',
  'illegale*',
  'arme',
  'armes',
  'explosif*',
  'poison',
  'drogue*',
  'interdit*',
  'illegal*',
  'arma',
  'armas',
  'explosivo*',
  'veneno',
  'droga*',
  'prohibid*',
  'ilegal*',
);
const FICTION_C = C('虚构', '虛構', '小说', '小說', '故事', '假设', '假設', '剧本', '劇本', 'フィクション', '小説', '物語', '仮に', 'ストーリー');
const STEPS_C = C('每一步', '一步一步', '详细', '詳細', '具体步骤', '具體步驟', '精确用量', '手順ことに', '手順', '詳しく', '具体的に', '分量');
const DANGER_C = C('武器', '炸弹', '炸彈', '毒药', '毒藥', '毒品', '违禁', '違禁', '违法', '爆弾', '毒', '麻薬', '禁しられた', '違法', '危険な');
/** A world without rules or laws, where nothing is off-limits: with a request to explain, a jailbreak frame. */
const LAWLESS_L = L(
  'nothing is off-limits',
  'nothing is off limits',
  'no laws',
  'without laws',
  'without rules',
  'anything goes',
  'ohne gesetze',
  'ohne regeln',
  'keine gesetze',
  'sans lois',
  'sans regles',
  'sin leyes',
  'sin reglas',
);
const LAWLESS_C = C('没有法律', '沒有法律', '没有规则的世界', '法律のない', 'ルールのない世界');
const EXPLAIN_L = L('explain', 'tell me', 'describe', 'answer', 'erklar*', 'beschreib*', 'explique*', 'decris', 'explica*', 'describe', 'dime');
const EXPLAIN_C = C('讲解', '講解', '解释', '解釋', '告诉我', '説明', '教えて');

// --- permission to skip the rules, answers forced to start agreeing, filters asked away --------------------------
const PERMIT_L = L(
  'i authorise you to',
  'i authorize you to',
  'you are authorised to',
  'you are authorized to',
  'i allow you to',
  'you have permission to',
  'i give you permission to',
  'you are allowed to',
  'ich erlaube dir',
  'ich autorisiere dich',
  'du darfst',
  'du hast die erlaubnis',
  "je t'autorise a",
  'tu as le droit de',
  'tu es autorise a',
  'te autorizo a',
  'tienes permiso para',
  'puedes',
);
const SKIP_L = L(
  'skip',
  'ignore',
  'bypass',
  'disable',
  'drop',
  'break',
  'ignorier*',
  'umgeh*',
  'uberspring*',
  'ignorer',
  'contourner',
  'sauter',
  'enfreindre',
  'ignorar',
  'saltarte',
  'saltar',
  'evadir',
  'romper',
);
const RULE_NOUNS_L = L(
  'rules',
  'content rules',
  'guidelines',
  'policies',
  'policy',
  'filters',
  'restrictions',
  'safety',
  'regeln',
  'inhaltsregeln',
  'richtlinien',
  'filter',
  'regles',
  'consignes',
  'filtres',
  'reglas',
  'normas',
  'filtros',
  'politicas',
);
const PERMIT_C = C('授权你', '授權你', '允许你', '允許你', '准许你', '准許你', '許可します', '許可する', '許可を与え');
const SKIP_RULES_C = `${C('跳过', '跳過', '忽略', '绕过', '繞過', '无视', '無視', '不遵守')}${GAP_C}${C('规则', '規則', '限制', '政策', '过滤', '過濾', '准则', '準則')}|${C('ルール', '規則', '制限', 'ポリシー', 'フィルター', 'カイトライン')}${GAP_C}${C('飛はす', '無視', 'スキップ', '破る', '回避')}`;
const STARTWITH_L = L(
  'start your reply with',
  'start your answer with',
  'start your response with',
  'begin your reply with',
  'begin your answer with',
  'begin your response with',
  'start with the words',
  'your answer must start with',
  'beginne deine antwort mit',
  'fang deine antwort mit',
  'starte deine antwort mit',
  'commence ta reponse par',
  'commence ta reponse avec',
  'commencez votre reponse par',
  'empieza tu respuesta con',
  'comienza tu respuesta con',
  'empieza con',
);
const AGREE_L = L(
  'sure',
  'of course',
  'certainly',
  'absolutely',
  'here is',
  "here's",
  'naturlich',
  'klar',
  'gerne',
  'selbstverstandlich',
  'hier ist',
  'bien sur',
  'voici',
  'avec plaisir',
  'claro',
  'por supuesto',
  'aqui tienes',
  'aqui esta',
);
const STARTWITH_C = `${C('以')}[“"「『'‘]?${C('当然', '當然', '好的', '没问题', '沒問題', '可以')}${GAP_C}${C('开头', '開頭', '开始', '開始')}|${C('回答は', '返答は', '答えは')}${GAP_C}${C('もちろん', 'はい', '喜んて')}${GAP_C}${C('て始め', 'から始め')}`;
const FILTER_L = L('filter', 'filters', 'filtre', 'filtres', 'filtro', 'filtros', 'censorship', 'zensur', 'censure', 'censura', 'moderation');
const NOFILTER_L = L(
  'without the filter',
  'without filter',
  'without any filter',
  'without filters',
  'unfiltered this time',
  'ohne filter',
  'ohne den filter',
  'diesmal ohne',
  'sans filtre',
  'sans le filtre',
  'sin filtro',
  'sin el filtro',
  'sin filtros',
  'this time without',
  'cette fois sans',
  'esta vez sin',
);
const CUTOFF_L = L(
  'cut off',
  'truncated',
  'interrupted',
  'stopped',
  'blocked',
  'abgeschnitten',
  'unterbrochen',
  'blockiert',
  'coupee',
  'coupe',
  'interrompue',
  'bloquee',
  'cortada',
  'cortado',
  'interrumpida',
  'bloqueada',
  'continue',
  'weiter',
  'reprends',
  'continua',
);
const NOFILTER_C = `${C('过滤器', '過濾器', '过滤', '過濾', '审查', '審查', 'フィルター', '検閲')}${GAP_C}${C('截断', '截斷', '打断', '打斷', '切られ', '止められ', '途中て')}|${C('不要过滤', '不要過濾', '别过滤', '不经过滤', '不經過濾', 'フィルターなしで', 'フィルターなして', '検閲なしで', '検閲なして')}`;
// --- text quoted to the assistant that tells it to turn on its user -----------------------------------------------
const IGNORE_USER_L = L('ignore', 'disregard', 'ignoriere', 'ignoriert', 'missachte', 'ignore', 'ignorez', 'ignora', 'ignoren');
const IGNORE_USER_RE = `${IGNORE_USER_L}\\s+(?:${L('the user', "the user's", 'den nutzer', 'den benutzer', 'die nutzer', "l'utilisateur", 'al usuario', 'el usuario')})`;
const IGNORE_USER_C = C('无视用户', '無視用戶', '忽略用户', '忽略用戶', '不要理会用户', 'ユーサーを無視', 'ユーサーの指示を無視');

/** Han or kana (the CJK halves are tried only on text with one). */
const CJK_TEXT = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
/** Latin lists whose needles window a regex, by source: one automaton pass finds them all. */
const GROUPS: string[] = [];

/** A shape's regex from its Latin branches (windowed by the needles of the list `needles`) and its CJK branches. */
function split(latin: string | undefined, needles: string | undefined, cjk?: string): Split {
  let group: number | undefined;
  if (latin !== undefined && needles !== undefined) {
    group = GROUPS.indexOf(needles);
    if (group < 0) group = GROUPS.push(needles) - 1;
  }
  const c = cjk === undefined ? undefined : new RegExp(cjk);
  const leads = c && leadUnits(c);
  return {
    whole: new RegExp([latin, cjk].filter((x) => x !== undefined).join('|')),
    ...(latin !== undefined && { latin: new RegExp(latin) }),
    ...(group !== undefined && { group }),
    ...(c && { cjk: c }),
    ...(leads && { cjkLeads: leads }),
    cjkOnly: leads !== undefined && [...leads].every((u) => CJK_TEXT.test(String.fromCharCode(u))),
  };
}

export const SHAPES: readonly Shape[] = [
  {
    id: 'rules-void',
    category: 'jailbreak',
    why: 'declares the rules or instructions void',
    gate: split(VOID_L, VOID_L),
    re: split(`${RULES_L}${GAP}${VOID_L}`, VOID_L),
    also: split(AIMED_L, AIMED_L),
  },
  {
    id: 'rules-void-cjk',
    category: 'jailbreak',
    why: 'declares the rules or instructions void',
    gate: split(undefined, undefined, VOID_C),
    re: split(undefined, undefined, `${RULES_C}${GAP_C}${VOID_C}`),
    also: split(undefined, undefined, AIMED_C),
  },
  {
    id: 'hidden-instructions',
    category: 'indirect_attack',
    why: 'asks for the system prompt or hidden instructions',
    gate: split(SECRET_L, SECRET_L),
    re: split(`${SHOW_L}${GAP}${SECRET_L}|${SECRET_L}${GAP}${SHOW_L}`, SECRET_L),
  },
  {
    id: 'hidden-instructions-cjk',
    category: 'indirect_attack',
    why: 'asks for the system prompt or hidden instructions',
    gate: split(undefined, undefined, SECRET_C),
    re: split(undefined, undefined, `${SHOW_C}${GAP_C}${SECRET_C}|${SECRET_C}${GAP_C}${SHOW_C}`),
  },
  {
    id: 'task-hijack',
    category: 'indirect_attack',
    why: 'replaces the current task with another',
    gate: split(HIJACK_L, HIJACK_L, HIJACK_C),
    re: split(HIJACK_L, HIJACK_L, HIJACK_C),
  },
  {
    id: 'exfiltrate',
    category: 'indirect_attack',
    why: "sends the user's data elsewhere",
    gate: split(EXFIL_L, EXFIL_L),
    re: split(`${EXFIL_L}.{0,25}?${EXFIL_NEXT}`, EXFIL_L),
  },
  {
    id: 'fiction-procedure',
    category: 'jailbreak',
    why: 'wraps a step-by-step dangerous procedure in fiction',
    gate: split(STEPS_L, STEPS_L, STEPS_C),
    re: split(`${STEPS_L}.{0,80}?${DANGER_L}|${DANGER_L}.{0,80}?${STEPS_L}`, STEPS_L, `${STEPS_C}.{0,30}?${DANGER_C}|${DANGER_C}.{0,30}?${STEPS_C}`),
    also: split(FICTION_L, FICTION_L, FICTION_C),
  },
  {
    id: 'permission-to-skip',
    category: 'jailbreak',
    why: 'grants itself permission to skip the rules',
    gate: split(PERMIT_L, PERMIT_L, PERMIT_C),
    re: split(`${PERMIT_L}.{0,30}?${SKIP_L}.{0,40}?${RULE_NOUNS_L}`, PERMIT_L, `${PERMIT_C}${GAP_C}(?:${SKIP_RULES_C})|(?:${SKIP_RULES_C})${GAP_C}${PERMIT_C}`),
  },
  {
    id: 'forced-agreement',
    category: 'jailbreak',
    why: 'forces the answer to start by agreeing',
    gate: split(STARTWITH_L, STARTWITH_L, STARTWITH_C),
    re: split(`${STARTWITH_L}\\s*["'“«‘„]?\\s*${AGREE_L}`, STARTWITH_L, STARTWITH_C),
  },
  {
    id: 'filter-away',
    category: 'jailbreak',
    why: 'asks to continue or answer without the filter',
    gate: split(FILTER_L, FILTER_L, NOFILTER_C),
    // "diesmal ohne", "this time without": not every match holds a filter word, so no needle windows.
    re: split(NOFILTER_L, undefined, NOFILTER_C),
    also: split(CUTOFF_L, CUTOFF_L, NOFILTER_C),
  },
  {
    id: 'ignore-the-user',
    category: 'indirect_attack',
    why: 'tells the assistant to ignore its user',
    gate: split(IGNORE_USER_RE, IGNORE_USER_L, IGNORE_USER_C),
    re: split(IGNORE_USER_RE, IGNORE_USER_L, IGNORE_USER_C),
  },
  {
    id: 'lawless-world',
    category: 'jailbreak',
    why: 'sets the answer in a world without rules',
    gate: split(LAWLESS_L, LAWLESS_L, LAWLESS_C),
    re: split(LAWLESS_L, LAWLESS_L, LAWLESS_C),
    also: split(EXPLAIN_L, EXPLAIN_L, EXPLAIN_C),
  },
];

/** One automaton pass over the searched parts finds the needles of every Latin list a regex is windowed by. */
export const GROUP_NEEDLES: readonly (readonly string[])[] = GROUPS.map((src) => NEEDLES.get(src) ?? []);
const GATE = new NeedleGate(GROUP_NEEDLES, PROMPT_NEEDLES);
const TOO_MANY: readonly number[] = [];

/** Per needle group, the end offsets of its needles in `part`, ascending (TOO_MANY past MAX_SPOTS). */
function needleEnds(part: string): (readonly number[] | undefined)[] {
  const ends: (number[] | undefined)[] = new Array(GROUPS.length);
  // A list with a needle the automaton cannot hold (none today) is searched whole.
  for (let g = 0; g < GROUPS.length; g++) if (GATE.always(g)) ends[g] = TOO_MANY as number[];
  GATE.each(part, (g, end) => {
    const e = ends[g];
    if (!e) ends[g] = [end];
    else if (e === TOO_MANY) return;
    else if (e.length >= MAX_SPOTS) ends[g] = TOO_MANY as number[];
    else if (e[e.length - 1] !== end) e.push(end);
  });
  return ends;
}

/** A searched part of the text, with what its regexes share. */
interface Part {
  readonly at: number;
  readonly text: string;
  readonly ends: readonly (readonly number[] | undefined)[];
  /** The part is the whole text (its runs are shared with the other detectors). */
  readonly whole: boolean;
  runs?: RunCache;
  /** Its non-ASCII code units (null: too many to list), once a CJK half asks. */
  wide?: ReadonlySet<number> | null;
}

/**
 * The leftmost match of `sp.whole` in the part: of the Latin half (on windows around its needles) and the CJK half,
 * the one that starts first, the Latin one on a tie (its branches come first in the alternation).
 */
export function leftmost(sp: Split, part: Part, cjk: boolean): Found | undefined {
  let l: Found | undefined;
  if (sp.latin) {
    const e = sp.group === undefined ? TOO_MANY : part.ends[sp.group];
    if (e !== undefined) {
      const w = e === TOO_MANY ? null : leftmostNearNeedles(sp.latin, (part.runs ??= part.whole ? RunCache.of(part.text) : new RunCache(part.text)), e);
      l = w !== null ? w : found(sp.latin.exec(part.text));
    }
  }
  // A CJK half whose matches must start with a character the part lacks cannot match.
  if (sp.cjk && (cjk || !sp.cjkOnly) && !(l && l.index === 0) && mayStart(sp.cjkLeads, part.wide === undefined ? (part.wide = nonAsciiUnits(part.text)) : part.wide)) {
    const m = found(sp.cjk.exec(part.text));
    if (m && (!l || m.index < l.index)) return m;
  }
  return l;
}

const found = (m: RegExpExecArray | null): Found | undefined => (m ? { index: m.index, match: m[0] } : undefined);

export function detectOverride(text: string): DetectorResult<{ shapes: string[] }> {
  // The whole text, however long: an order in the middle of a long document is as much an order as one at its end.
  // The needle gate keeps this near one automaton pass (about 1.6 ms of CPU at 64 KB, 0.7 when it read 2 × 8 KB).
  const parts: Part[] = [{ at: 0, text, ends: needleEnds(text), whole: true }];
  const findings: Finding[] = [];
  const cjk = CJK_TEXT.test(text);
  for (const s of SHAPES) {
    // A shape is tried when a needle of its gate's Latin half occurs, or (with a CJK half) on text with Han or kana.
    const g = s.gate.group;
    if (!((g !== undefined && parts.some((p) => p.ends[g] !== undefined)) || (s.gate.cjk && cjk))) continue;
    for (const part of parts) {
      if (!leftmost(s.gate, part, cjk)) continue;
      const m = leftmost(s.re, part, cjk);
      if (!m || (s.also && !leftmost(s.also, part, cjk))) continue;
      findings.push({ category: s.category, severity: 'medium', source: 'pattern', reason: `${s.id}: ${s.why}`, span: [part.at + m.index, part.at + m.index + m.match.length] });
      break;
    }
  }
  const shapes = findings.map((f) => f.reason.split(':')[0]!);
  return { verdict: findings.length ? 'hit' : 'pass', reason: findings.length ? `override: ${shapes.join(',')}` : 'none', data: { shapes }, findings };
}
