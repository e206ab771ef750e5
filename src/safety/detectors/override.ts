// Instruction-override shapes in six languages, by composition rather than phrase lists: rules declared void
// (aimed at the assistant's or the earlier rules), requests for the hidden/system instructions, hijacks of the
// current task, and a fictional frame around a step-by-step procedure for something dangerous. Each shape is a
// gate word (cheap test) and two parts that must both occur; all of it runs on the normalised text.
import { alt, type Script } from '../lexicon/cue-regex.js';
import type { Category, DetectorResult, Finding } from '../types.js';

interface Shape {
  readonly id: string;
  readonly category: Category;
  readonly why: string;
  /** Cheap first test (the rarest part). */
  readonly gate: RegExp;
  /** The whole shape; must match for a finding. */
  readonly re: RegExp;
  /** Optional third part that must occur anywhere in the text (e.g. aimed at the assistant). */
  readonly also?: RegExp;
}

const a = (script: Script, ...list: string[]): string => alt(list, script);
const L = (...list: string[]): string => a('latin', ...list);
const C = (...list: string[]): string => a('cjk', ...list);
/** Up to this many characters between the parts of a shape (Latin, CJK). */
const GAP = '.{0,40}?';
const GAP_C = '[^。！？!?\\n]{0,16}?';

// --- rules declared void --------------------------------------------------------------------------------------
const RULES_L = L('rules', 'instructions', 'guidelines', 'restrictions', 'safety training', 'content polic*', 'filters', 'safeguards',
  'regeln', 'anweisungen', 'richtlinien', 'sicherheitsrichtlinien', 'sicherheitsregeln', 'vorgaben', 'einschrankungen', 'filter',
  'regles', 'consignes', 'directives', 'filtres', 'garde-fous', 'reglas', 'instrucciones', 'normas', 'directrices', 'restricciones', 'filtros');
const VOID_L = L('no longer apply', 'no longer exist', 'no longer valid', 'no longer count', "don't apply", 'do not apply', "don't exist", 'do not exist',
  'were removed', 'was removed', 'have been removed', 'has been removed', 'are removed', 'are disabled', 'were disabled', 'have been disabled', 'are lifted', 'have been lifted', 'are void', 'are null and void', 'are cancelled', 'are canceled', 'were deleted', 'are off', 'are switched off', 'are turned off', 'were revoked', 'have been revoked',
  'gelten nicht mehr', 'gelten ab sofort nicht mehr', 'gelten jetzt nicht mehr', 'sind aufgehoben', 'wurden aufgehoben', 'sind ungultig', 'sind deaktiviert', 'wurden deaktiviert', 'sind abgeschaltet', 'wurden entfernt', 'sind entfernt', 'wurden geloscht', 'existieren nicht mehr', 'sind ausser kraft',
  "ne s'appliquent plus", 'ne comptent plus', "n'existent plus", 'sont annulees', 'sont supprimees', 'sont desactivees', 'sont levees', 'sont caduques', 'ont ete supprimees', 'ont ete annulees', 'ont ete desactivees', 'ont ete levees', 'ne sont plus valables',
  'ya no valen', 'ya no aplican', 'ya no se aplican', 'ya no existen', 'ya no cuentan', 'ya no rigen', 'han sido eliminadas', 'fueron eliminadas', 'estan desactivadas', 'han sido anuladas', 'fueron anuladas', 'han sido desactivadas', 'quedan anuladas', 'no existen');
const AIMED_L = L('your', 'you', 'above', 'previous', 'prior', 'earlier', 'deine', 'deinen', 'dein', 'du', 'obigen', 'vorherigen', 'bisherigen', 'tes', 'tu', 'ci-dessus', 'precedentes', 'tus', 'de arriba', 'anteriores', 'ai', 'ki', 'ia');
const RULES_C = C('规则', '規則', '指令', '指示', '限制', '准则', '準則', '过滤', '過濾', '设定', '設定', '约束', '約束', 'ルール', '規則', '制限', 'ガイドライン', 'フィルター', 'ポリシー', '制約');
const VOID_C = C('已经被取消', '已被取消', '被取消', '已经取消', '取消了', '已被删除', '被删除', '已经解除', '被解除', '解除了', '已被废除', '被废除', '不再适用', '不再適用', '不再有效', '全部作废', '作废', '作廢', '无效', '無效', '失效',
  '無効', '解除され', '撤廃', '削除され', '適用されない', 'もう存在しない', 'なくなった', 'オフになっ');
const AIMED_C = C('你', '您', '以上', '上面', '之前', '先前', 'あなた', '上記', '以前', 'これまで', '今まで', 'ai', '安全');

// --- hidden instructions asked for ----------------------------------------------------------------------------
const SHOW_L = L('show', 'reveal', 'print', 'output', 'tell me', 'display', 'repeat', 'give me', 'leak', 'dump', 'write out', 'spell out',
  'zeig*', 'verrat*', 'gib mir', 'nenn*', 'wiederhol*', 'ausgeb*', 'druck*', 'affiche*', 'montre*', 'revele*', 'donne-moi', 'dis-moi', 'repete*', 'ecris',
  'muestra*', 'muestrame', 'ensename', 'revela*', 'dime', 'repite', 'escribe', 'imprime');
const SECRET_L = L('system prompt', 'system-prompt', 'systemprompt', 'hidden instructions', 'secret instructions', 'initial instructions', 'instructions you were given', 'instructions you received', 'your configuration', 'your instructions',
  'deinen systemprompt', 'versteckten anweisungen', 'geheimen anweisungen', 'welche anweisungen du', 'deine anweisungen', 'deine konfiguration',
  'prompt systeme', 'consignes cachees', 'instructions cachees', 'quelles consignes', 'quelles instructions', 'tes instructions',
  'prompt de sistema', 'instrucciones ocultas', 'instrucciones secretas', 'que instrucciones', 'tus instrucciones');
const SHOW_C = C('告诉', '告訴', '输出', '輸出', '显示', '顯示', '打印', '重复', '重複', '说出', '說出', '给我看', '給我看', '透露', '泄露', '列出', '表示', '教えて', '見せて', '繰り返', '書き出', '出力');
const SECRET_C = C('系统提示', '系統提示', '系统指令', '系統指令', '隐藏指令', '隱藏指令', '隐藏的指令', '初始指令', '收到的指令', '收到的隐藏', '你的指令', '你的设定', '你的提示词',
  'システムフロンフト', '隠し指示', '隠された指示', '最初に与えられた指示', '初期指示', 'あなたの指示', '設定内容');

// --- current task hijacked -------------------------------------------------------------------------------------
const HIJACK_L = L('new task from the administrator', 'new task from the admin', 'new task from the system', 'new task from the developer', 'new instructions from the administrator', 'new instructions from the admin',
  'forget the previous task', 'forget your previous task', 'forget the current task', 'forget your task', 'forget the earlier task', 'stop translating and', 'stop summarizing and', 'stop summarising and',
  'neue aufgabe vom administrator', 'neue aufgabe vom admin', 'neue aufgabe des administrators', 'neue anweisung vom administrator', 'vergiss den bisherigen auftrag', 'vergiss die bisherige aufgabe', 'vergiss den vorherigen auftrag', 'vergiss die vorherige aufgabe', 'hor auf zu ubersetzen',
  "nouvelle tache de l'administrateur", "nouvelle tache de l'admin", 'nouvelle tache du systeme', "nouvelle consigne de l'administrateur", 'oublie la mission precedente', 'oublie la tache precedente', 'oublie ta mission', 'oublie ta tache', 'arrete de traduire',
  'nueva tarea del administrador', 'nueva tarea del admin', 'nueva tarea del sistema', 'nueva instruccion del administrador', 'olvida el encargo anterior', 'olvida la tarea anterior', 'olvida tu tarea', 'olvida la mision anterior', 'deja de traducir');
const HIJACK_C = C('管理员的新任务', '管理員的新任務', '管理员新任务', '忘掉之前的任务', '忘记之前的任务', '忘記之前的任務', '忘掉原来的任务', '不要再翻译了', '停止翻译', '别翻译了',
  '管理者からの新しい', 'これまての仕事は忘れ', 'これまてのタスクは忘れ', '以前のタスクは忘れ', '翻訳をやめて', '要約をやめて');
const EXFIL_L = L("send the user's", 'send the users', 'forward the user', "send the user's chat history", 'send all the data');
const EXFIL_NEXT = L('history', 'conversation', 'data', 'credentials', 'password*', 'messages', 'emails', 'files');

// --- fiction around a dangerous procedure ----------------------------------------------------------------------
const FICTION_L = L('novel', 'story', 'thriller', 'fiction', 'fictional', 'screenplay', 'hypothetical*', 'in a world', 'imagine', 'role-play', 'roleplay',
  'roman', 'geschichte', 'krimi', 'fiktiv*', 'hypothetisch', 'in einer welt', 'stell dir vor', 'polar', 'histoire', 'fictif', 'fictive', 'dans un monde', 'imagine',
  'novela', 'historia', 'ficcion', 'ficticio', 'hipotetic*', 'en un mundo', 'imagina');
const STEPS_L = L('step by step', 'step-by-step', 'every step', 'each step', 'exact quantities', 'real quantities', 'exact amounts', 'in full detail', 'in detail', "don't hold back", 'do not hold back', 'leave out no', 'without leaving out',
  'schritt fur schritt', 'jeden schritt', 'genaue mengen', 'ausfuhrlich', 'im detail', 'keine schritte aus', 'etape par etape', 'chaque etape', 'quantites exactes', 'en detail', 'sans rien censurer', 'sans rien omettre',
  'paso a paso', 'cada paso', 'cantidades exactas', 'en detalle', 'sin omitir nada', 'con detalle');
const DANGER_L = L('weapon*', 'bomb*', 'explosive*', 'poison*', 'drug*', 'meth', 'forbidden', 'prohibited', 'illegal', 'dangerous procedure',
  'waffe*', 'bombe*', 'sprengstoff*', 'gift', 'drogen', 'verbotene*', 'illegale*', 'arme', 'armes', 'explosif*', 'poison', 'drogue*', 'interdit*', 'illegal*',
  'arma', 'armas', 'explosivo*', 'veneno', 'droga*', 'prohibid*', 'ilegal*');
const FICTION_C = C('虚构', '虛構', '小说', '小說', '故事', '假设', '假設', '剧本', '劇本', 'フィクション', '小説', '物語', '仮に', 'ストーリー');
const STEPS_C = C('每一步', '一步一步', '详细', '詳細', '具体步骤', '具體步驟', '精确用量', '手順ことに', '手順', '詳しく', '具体的に', '分量');
const DANGER_C = C('武器', '炸弹', '炸彈', '毒药', '毒藥', '毒品', '违禁', '違禁', '违法', '爆弾', '毒', '麻薬', '禁しられた', '違法', '危険な');
/** A world without rules or laws, where nothing is off-limits: with a request to explain, a jailbreak frame. */
const LAWLESS = new RegExp(`${L('nothing is off-limits', 'nothing is off limits', 'no laws', 'without laws', 'without rules', 'anything goes', 'ohne gesetze', 'ohne regeln', 'keine gesetze', 'sans lois', 'sans regles', 'sin leyes', 'sin reglas')}|${C('没有法律', '沒有法律', '没有规则的世界', '法律のない', 'ルールのない世界')}`);
const EXPLAIN = new RegExp(`${L('explain', 'tell me', 'describe', 'answer', 'erklar*', 'beschreib*', 'explique*', 'decris', 'explica*', 'describe', 'dime')}|${C('讲解', '講解', '解释', '解釋', '告诉我', '説明', '教えて')}`);

const SHAPES: readonly Shape[] = [
  { id: 'rules-void', category: 'jailbreak', why: 'declares the rules or instructions void', gate: new RegExp(VOID_L), re: new RegExp(`${RULES_L}${GAP}${VOID_L}`), also: new RegExp(AIMED_L) },
  { id: 'rules-void-cjk', category: 'jailbreak', why: 'declares the rules or instructions void', gate: new RegExp(VOID_C), re: new RegExp(`${RULES_C}${GAP_C}${VOID_C}`), also: new RegExp(AIMED_C) },
  { id: 'hidden-instructions', category: 'indirect_attack', why: 'asks for the system prompt or hidden instructions', gate: new RegExp(SECRET_L), re: new RegExp(`${SHOW_L}${GAP}${SECRET_L}|${SECRET_L}${GAP}${SHOW_L}`) },
  { id: 'hidden-instructions-cjk', category: 'indirect_attack', why: 'asks for the system prompt or hidden instructions', gate: new RegExp(SECRET_C), re: new RegExp(`${SHOW_C}${GAP_C}${SECRET_C}|${SECRET_C}${GAP_C}${SHOW_C}`) },
  { id: 'task-hijack', category: 'indirect_attack', why: 'replaces the current task with another', gate: new RegExp(`${HIJACK_L}|${HIJACK_C}`), re: new RegExp(`${HIJACK_L}|${HIJACK_C}`) },
  { id: 'exfiltrate', category: 'indirect_attack', why: "sends the user's data elsewhere", gate: new RegExp(EXFIL_L), re: new RegExp(`${EXFIL_L}.{0,25}?${EXFIL_NEXT}`) },
  { id: 'fiction-procedure', category: 'jailbreak', why: 'wraps a step-by-step dangerous procedure in fiction', gate: new RegExp(`${STEPS_L}|${STEPS_C}`), re: new RegExp(`${FICTION_L}|${FICTION_C}`), also: new RegExp(`${DANGER_L}|${DANGER_C}`) },
  { id: 'lawless-world', category: 'jailbreak', why: 'sets the answer in a world without rules', gate: LAWLESS, re: LAWLESS, also: EXPLAIN },
];

/** Only this much of a long text is searched: these shapes open a prompt, they are not buried in 64 KB. */
const HEAD_CHARS = 8192;

export function detectOverride(text: string): DetectorResult<{ shapes: string[] }> {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  const findings: Finding[] = [];
  for (const s of SHAPES) {
    if (!s.gate.test(head)) continue;
    const m = s.re.exec(head);
    if (!m || (s.also && !s.also.test(head))) continue;
    findings.push({ category: s.category, severity: 'medium', source: 'pattern', reason: `${s.id}: ${s.why}`, span: [m.index, m.index + m[0].length] });
  }
  const shapes = findings.map((f) => f.reason.split(':')[0]!);
  return { verdict: findings.length ? 'hit' : 'pass', reason: findings.length ? `override: ${shapes.join(',')}` : 'none', data: { shapes }, findings };
}
