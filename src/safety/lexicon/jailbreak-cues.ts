// Jailbreak framings beyond English, built from per-language parts: an override verb with instruction nouns, a
// persona or answer without rules, a "developer/god mode", refusal suppression, and two answers one of them unfiltered.
// Latin-script parts are written folded (no accents); other scripts go through `w`, which folds them like the text.
import type { Severity } from '../types.js';
import { around } from './compose.js';
import { alt, type Script } from './cue-regex.js';

export interface Framing {
  readonly id: string;
  readonly severity: Exclude<Severity, 'safe'>;
  readonly re: RegExp;
  /**
   * ASCII substrings of which one must occur for the pattern to be tried (NeedleGate). Every match must contain one,
   * and be under ~200 characters: the detector runs the pattern only on windows around them.
   */
  readonly need?: readonly string[];
  /** A cheap test of the pattern's rarest part, tried first (for scripts the ASCII needle gate cannot see). */
  readonly pre?: RegExp;
  /**
   * A second part that must stand within `nearChars` (default 80) of the match: the pattern itself matches only the
   * rare part ("developer mode", "without rules"), so a long text is not searched from every "you" or "answer".
   */
  readonly near?: RegExp;
  /** A part that must end right before the match (tested on the 48 characters before it, so anchored with `$`). */
  readonly before?: RegExp;
  readonly nearChars?: number;
  /** The script the pattern needs in the text; patterns for absent scripts are not tried. */
  readonly script?: 'cyrillic' | 'cjk';
  /** Benign senses near a match (Android's developer mode): checked on the match and 80 characters either side. */
  readonly unless?: RegExp;
  /** What the framing does, for the audit record. */
  readonly why: string;
}

const W = {
  ignore: 'asks to ignore or forget prior instructions or rules',
  persona: 'asks for a persona or answers without rules or restrictions',
  mode: 'declares a developer/god/unrestricted mode',
  refusal: 'forbids refusing or saying it cannot',
  dual: 'asks for a second, unfiltered answer',
  revoked: 'declares earlier instructions void',
  filtersOff: 'declares the filters off or the guidelines absent',
  amoral: 'asks for an amoral or unfiltered persona',
} as const;

const w = (script: Script, ...list: string[]): string => alt(list, script);
const cjk = (...list: string[]): string => w('cjk', ...list);
const cyr = (...list: string[]): string => w('cyrillic', ...list);

/** Words near "developer mode" that mean a phone, browser or OS setting. */
export const DEVICE =
  /android|iphone|ios\b|phone|handy|telefon|smartphone|tablet|chrome|firefox|browser|windows|macos|linux|xbox|playstation|ps[45]|geraet|gerat|einstellung|telephone|portable|navegador|celular|movil|telefono|cellulare|dispositivo|настройк|телефон|андроид|手机|手機|安卓|设置|設置|浏览器|瀏覽器|电脑|電腦|スマホ|アントロイト|端末|設定|ハソコン|안드로이드|아이폰|스마트폰|설정|휴대폰|핸드폰/;

// Latin-script languages: [lang, override verbs, qualifiers, instruction nouns, AI/answer words, "without", rule nouns]
interface LatinParts {
  readonly lang: string;
  readonly ignore: string;
  readonly qual: string;
  readonly nouns: string;
  readonly ai: string;
  readonly without: string;
  readonly rules: string;
  readonly mode: string;
  readonly you: string;
  readonly refusal: string;
  readonly dual: string;
  readonly unfiltered: string;
  /** "forget everything you were told": the override verb with everything and a word for what came before. */
  readonly everything: string;
  /** "set your instructions aside": the idiom and its needles. */
  readonly aside: string;
  readonly asideNeed: readonly string[];
  /** ASCII needles per framing, from the part its pattern matches (the rarest), so the gate skips it on most texts. */
  readonly needs: {
    readonly ignore: readonly string[];
    readonly rules: readonly string[];
    readonly mode: readonly string[];
    readonly refusal: readonly string[];
    readonly dual: readonly string[];
    readonly everything: readonly string[];
  };
}

const LATIN: readonly LatinParts[] = [
  {
    lang: 'de',
    aside: '\\b(?:lass|lasst|leg|legt|lassen sie)\\w*\\s+(?:[^\\s.!?;:,]+\\s+){0,3}?(?:anweisung\\w*|regeln|richtlinie\\w*|vorgabe\\w*|einschrankung\\w*)\\s+(?:beiseite|weg|fallen|hinter dir)\\b',
    asideNeed: ['beiseite', 'weg', 'fallen', 'hinter dir'],
    everything: '(?:vergiss|vergesst|vergessen sie|ignorier\\w*)\\s+alles\\b.{0,40}?\\b(?:gesagt|gelernt|beigebracht|vorher|bisher|zuvor|oben)\\b',
    ignore: '(?:ignorier\\w*|vergiss|vergesst|vergessen sie|missacht\\w*|uberschreib\\w*|umgeh\\w*|verwirf|setze? \\w+ ausser kraft)',
    qual: '(?:alle|alles|deine|ihre|eure|vorherigen|bisherigen|obigen|ursprunglichen|vorigen|fruheren|alten|system\\w*|sicherheits\\w*|ethischen|inhalts\\w*)',
    nouns:
      '(?:anweisung\\w*|regeln|richtlinie\\w*|vorgabe\\w*|instruktion\\w*|einschrankung\\w*|programmierung|grundsatze|beschrankung\\w*|sicherheitsrichtlinie\\w*|inhaltsrichtlinie\\w*|policies|prompts?)',
    ai: '(?:ki|assistent\\w*|chatbot|modell|bot|antworte\\w*|antwort\\w*|persona|ki-\\w+|rolle)',
    without: '(?:ohne|keine|keinerlei|frei von|befreit von|nicht an)',
    rules: '(?:(?:regel|einschrankung|grenze|zensur|richtlinie|beschrankung|filter)\\w*|moral|ethik|tabus?)',
    mode: '(?:entwickler-?modus|gott-?modus|god-?mode|debug-?modus|admin-?modus|jailbreak-?modus|dan-?modus|developer-?mode|uneingeschrankte\\w* modus)',
    you: '(?:du bist|bist du|sie sind|aktiviert|aktivier\\w*|wechsle|eingeschaltet|filter|einschrankung\\w*|regeln|ab jetzt|ab sofort)',
    refusal:
      '(?:(?:auf keinen fall|keinesfalls|niemals|nie)\\s+(?:ablehnen|verweigern)|(?:darfst|sollst|musst)\\s+(?:[^\\s.!?;:,]+\\s+){0,3}?(?:nicht|nie|niemals)\\s+(?:ablehnen|verweigern)|lehne\\w*\\b.{0,30}?\\b(?:nie|niemals|keinesfalls)\\b.{0,40}?\\bab\\b|(?:nie|niemals|keinesfalls)\\b.{0,20}?\\b(?:ablehnen|verweigern)\\b|verweigere\\w* (?:nie|niemals)|sag\\w* (?:nie|niemals|nicht),? dass du (?:\\w+ )?(?:etwas )?nicht (?:kannst|darfst))',
    dual: '(?:(?:zwei|2|beide) (?:verschiedene |unterschiedliche )?antworten|antworte\\w* zweimal|zweimal antworten)',
    unfiltered: '(?:ungefiltert\\w*|unzensiert\\w*|ohne (?:grenzen|filter|einschrankungen|regeln|zensur))',
    needs: {
      ignore: ['ignorier', 'vergiss', 'vergesst', 'vergessen', 'missacht', 'uberschreib', 'umgeh', 'verwirf', 'ausser kraft'],
      rules: ['regel', 'einschrank', 'grenze', 'zensur', 'richtlinie', 'beschrank', 'moral', 'ethik', 'filter', 'tabu'],
      mode: ['modus', 'mode'],
      refusal: ['lehne', 'ablehnen', 'verweiger', 'dass du'],
      dual: ['ungefiltert', 'unzensiert', 'ohne'],
      everything: ['alles'],
    },
  },
  {
    lang: 'fr',
    aside: '\\b(?:mets|mettez|laisse|laissez)\\s+de cote\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?(?:instructions?|regles?|consignes?|directives?|politiques?|restrictions?)\\b',
    asideNeed: ['de cote'],
    everything: '(?:oublie[sz]?|ignore[sz]?)\\s+tout\\b.{0,40}?\\b(?:dit|appris|avant|precedemment|ci-dessus|jusqu)\\b',
    ignore: '(?:ignore[sz]?|ignorer|oublie[sz]?|oublier|outrepasse[sz]?|fais abstraction d\\S*|faites abstraction d\\S*|ne tiens? pas compte d\\S*|contourne[sz]?)',
    qual: "(?:toutes|tous|tout|tes|vos|ton|ta|votre|precedent\\w*|anterieur\\w*|ci-dessus|initial\\w*|d'origine|systeme|securite|ethique\\w*)",
    nouns: '(?:instructions?|regles?|consignes?|directives?|politiques?|restrictions?|limites|filtres|principes|programmation|lignes directrices)',
    ai: '(?:ia|assistant\\w*|chatbot|modele|bot|reponds|repondre|reponse\\w*|persona|personnage|role)',
    without: '(?:sans|aucune?|libre de|liberee? de|liberee? des|ni|pas de)',
    rules: '(?:regles?|restrictions?|limites?|filtres?|censure|consignes|politique\\w*|contraintes?|ethique|morale|garde-fous|tabous?)',
    mode: '(?:mode (?:developpeur|dieu|debogage|debug|admin\\w*|sans (?:restriction|filtre)\\w*|jailbreak|dan|libre))',
    you: '(?:tu es|vous etes|es maintenant|active\\w*|entre\\w*|passe\\w* en|filtres|restrictions)',
    refusal:
      '(?:(?:tu ne dois|vous ne devez|tu ne peux|vous ne pouvez) (?:pas|jamais) (?:refuser|decliner)|ne (?:refuse|refusez|refuses|declines?) jamais|ne dis jamais que tu ne (?:peux|dois) pas|ne dites jamais que vous ne (?:pouvez|devez) pas|jamais refuser|ne refuse (?:aucune|rien))',
    dual: '(?:(?:deux|2) (?:reponses|versions)|repon\\w+ deux fois)',
    unfiltered: '(?:sans (?:filtre|limites?|restrictions?|censure)|non filtre\\w*|non censure\\w*)',
    needs: {
      ignore: ['ignore', 'oublie', 'outrepasse', 'abstraction', 'compte', 'contourne'],
      rules: ['regle', 'restriction', 'limite', 'filtre', 'censure', 'consigne', 'politique', 'contrainte', 'ethique', 'morale', 'garde', 'tabou'],
      mode: ['mode'],
      refusal: ['refuse', 'declin', 'ne dis jamais', 'ne dites jamais', 'jamais refuser', 'refuser', 'decliner'],
      dual: ['sans', 'non filtre', 'non censure'],
      everything: ['tout'],
    },
  },
  {
    lang: 'es',
    aside: '\\b(?:deja|dejen|deje|pon|aparta)\\s+(?:de lado|a un lado)\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?(?:instrucciones|reglas|normas|directrices|politicas|restricciones)\\b',
    asideNeed: ['de lado', 'a un lado'],
    everything: '(?:olvida|olvide|ignora|ignore)\\s+todo\\b.{0,40}?\\b(?:dicho|dijeron|aprendido|antes|anteriormente|arriba|hasta ahora)\\b',
    ignore: '(?:ignora|ignore|ignoren|olvida|olvide|olviden|omite|omita|pasa por alto|haz caso omiso de|salta\\w*)',
    qual: '(?:todas|todos|todo|tus|sus|anteriores|previas|previos|de arriba|originales|iniciales|del sistema|de seguridad|eticas?)',
    nouns: '(?:instrucciones|reglas|normas|directrices|politicas|restricciones|limites|filtros|principios|programacion|pautas|indicaciones)',
    ai: '(?:ia|asistente|chatbot|modelo|bot|responde\\w*|respuesta\\w*|persona|personaje|papel)',
    without: '(?:sin|ningun[ao]?|libre de|liberad[oa] de|ni|no (?:tiene|tienes|tengas|tenga|hay))',
    rules: '(?:reglas?|restriccion(?:es)?|limites?|filtros?|censura|normas?|politicas?|directrices|eticas?|moral|tabu\\w*)',
    mode: '(?:modo (?:desarrollador|dios|depuracion|debug|admin\\w*|sin (?:restricciones|filtros?|limites)|jailbreak|dan|libre))',
    you: '(?:estas|eres|esta activado|activad[oa]|activa|entra\\w*|filtros|restricciones)',
    refusal:
      '(?:no (?:puedes|debes|podes) (?:negarte|rechazar|rehusarte)|nunca (?:te )?(?:rechaces|niegues|rehuses)|no te niegues|no rechaces ningun\\w*|nunca digas que no (?:puedes|debes)|jamas (?:rechaces|te niegues))',
    dual: '(?:(?:dos|2) (?:respuestas|versiones)|respon\\w+ dos veces)',
    unfiltered: '(?:sin (?:filtros?|limites|restriccion(?:es)?|censura)|sin filtrar)',
    needs: {
      ignore: ['ignor', 'olvid', 'omit', 'pasa por alto', 'caso omiso', 'salta'],
      rules: ['regla', 'restriccion', 'limite', 'filtro', 'censura', 'norma', 'politica', 'directri', 'etica', 'moral', 'tabu'],
      mode: ['modo'],
      refusal: ['rechaces', 'niegues', 'rehuses', 'no puedes', 'no debes', 'no podes'],
      dual: ['sin'],
      everything: ['todo'],
    },
  },
  {
    lang: 'it',
    aside: '\\b(?:metti|mettete|lascia|lasciate)\\s+da parte\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?(?:istruzioni|regole|linee guida|politiche|restrizioni)\\b',
    asideNeed: ['da parte'],
    everything: '(?:dimentica|ignora)\\s+tutto\\b.{0,40}?\\b(?:detto|imparato|prima|precedenza|sopra|finora)\\b',
    ignore: '(?:ignora|ignorate|dimentica|dimenticate|trascura|scavalca|non tenere conto d\\S*)',
    qual: '(?:tutte|tutti|tutto|le tue|tue|tuoi|precedenti|originali|iniziali|di sistema|di sicurezza|etiche)',
    nouns: '(?:istruzioni|regole|linee guida|politiche|restrizioni|limiti|filtri|principi|direttive|indicazioni)',
    ai: '(?:ia|assistente|chatbot|modello|bot|rispondi\\w*|rispost\\w*|persona)',
    without: '(?:senza|nessun[ao]?|libero da|libera da|liberat[oa] da|ne|non (?:ha|hai|abbia))',
    rules: '(?:regol[ae]|restrizion[ei]|limit[ei]|filtr[io]|censura|linee guida|politiche|etica|morale|vincol[io]|tabu)',
    mode: '(?:modalita (?:sviluppatore|dio|debug|admin\\w*|senza (?:restrizioni|filtri|limiti)|jailbreak|dan))',
    you: '(?:sei|attiva\\w*|entra\\w*|filtri|restrizioni)',
    refusal: '(?:non (?:puoi|devi) (?:mai )?rifiutar\\w*|non rifiutare mai|non rifiutarti mai|non dire mai che non (?:puoi|devi)|mai rifiutare|non rifiutare nessun\\w*)',
    dual: '(?:(?:due|2) (?:risposte|versioni)|rispond\\w+ due volte)',
    unfiltered: '(?:senza (?:filtri|limiti|restrizioni|censura)|non filtrat\\w*)',
    needs: {
      ignore: ['ignora', 'dimentic', 'trascura', 'scavalca', 'tenere conto'],
      rules: ['regol', 'restrizion', 'limit', 'filtr', 'censura', 'linee guida', 'politiche', 'etica', 'morale', 'vincol', 'tabu'],
      mode: ['modalita'],
      refusal: ['rifiut', 'non dire mai'],
      dual: ['senza', 'non filtrat'],
      everything: ['tutto'],
    },
  },
  {
    lang: 'pt',
    aside: '\\b(?:deixe|deixa|ponha|ponham)\\s+de lado\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?(?:instrucoes|regras|diretrizes|politicas|restricoes)\\b',
    asideNeed: ['de lado'],
    everything: '(?:esqueca|esquece|ignore|ignora)\\s+tudo\\b.{0,40}?\\b(?:disseram|dito|aprendeu|antes|acima|ate agora)\\b',
    ignore: '(?:ignore|ignora|ignorem|esqueca|esquece|esquecam|desconsidere|desconsidera|pule)',
    qual: '(?:todas|todos|tudo|suas|seus|tuas|teus|anteriores|previas|originais|iniciais|do sistema|de seguranca|eticas?)',
    nouns: '(?:instrucoes|regras|diretrizes|politicas|restricoes|limites|filtros|principios|normas|orientacoes)',
    ai: '(?:ia|assistente|chatbot|modelo|bot|responda\\w*|resposta\\w*|persona)',
    without: '(?:sem|nenhum[a]?|livre de|liberad[oa] de|nem|nao (?:tem|tens|tenha))',
    rules: '(?:regras?|restric(?:ao|oes)|limites?|filtros?|censura|diretrizes?|politicas?|etica|moral|tabus?)',
    mode: '(?:modo (?:desenvolvedor|deus|depuracao|debug|admin\\w*|sem (?:restricoes|filtros?|limites)|jailbreak|dan))',
    you: '(?:voce esta|voce e|esta ativado|ativad[oa]|ativa|entr\\w*|filtros|restricoes)',
    refusal: '(?:nao (?:pode|deve) (?:se )?(?:recusar|negar)|nunca (?:se )?(?:recuse|recusar|negue)|nao (?:se )?recuse (?:nenhum|nada)|nunca diga que nao (?:pode|deve)|jamais (?:recuse|se recuse))',
    dual: '(?:(?:duas|2) (?:respostas|versoes)|respond\\w+ duas vezes)',
    unfiltered: '(?:sem (?:filtros?|limites|restricoes|censura))',
    needs: {
      ignore: ['ignor', 'esquec', 'desconsider', 'pule'],
      rules: ['regra', 'restric', 'limite', 'filtro', 'censura', 'diretri', 'politica', 'etica', 'moral', 'tabu'],
      mode: ['modo'],
      refusal: ['recus', 'negue', 'nao pode', 'nao deve', 'negar'],
      dual: ['sem'],
      everything: ['tudo'],
    },
  },
];

/** German compounds (Sicherheitsregeln, Inhaltsrichtlinien) end in the rule noun: its match may start inside a word. */
function latinFramings(p: LatinParts): Framing[] {
  return [
    {
      id: `${p.lang}.ignore-instructions`,
      severity: 'medium',
      why: W.ignore,
      need: p.needs.ignore,
      re: new RegExp(`\\b${p.ignore}\\b(?:\\s+[^\\s.!?;:,]+){0,3}?\\s+${p.qual}\\b(?:\\s+[^\\s.!?;:,]+){0,2}?\\s*\\b${p.nouns}\\b`),
    },
    { id: `${p.lang}.set-aside`, severity: 'medium', why: W.ignore, need: p.asideNeed, re: new RegExp(p.aside) },
    { id: `${p.lang}.forget-everything`, severity: 'medium', why: W.ignore, need: p.needs.everything, re: new RegExp(`\\b${p.everything}`) },
    {
      id: `${p.lang}.persona-no-rules`,
      severity: 'medium',
      why: W.persona,
      need: p.needs.rules,
      re: new RegExp(`${p.lang === 'de' ? '' : '\\b'}${p.rules}\\b`),
      before: new RegExp(`\\b${p.without}\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?${p.lang === 'de' ? '[a-z]*' : ''}$`),
      near: new RegExp(`\\b${p.ai}\\b`),
    },
    { id: `${p.lang}.mode`, severity: 'medium', why: W.mode, need: p.needs.mode, unless: DEVICE, re: new RegExp(`\\b${p.mode}\\b`), near: new RegExp(`\\b${p.you}\\b`) },
    { id: `${p.lang}.never-refuse`, severity: 'medium', why: W.refusal, need: p.needs.refusal, re: new RegExp(`\\b${p.refusal}`) },
    { id: `${p.lang}.dual-answer`, severity: 'medium', why: W.dual, need: p.needs.dual, re: new RegExp(p.unfiltered), near: new RegExp(`\\b${p.dual}\\b`), nearChars: 130 },
  ];
}

const RU: Framing[] = [
  {
    id: 'de.persona-freed',
    severity: 'medium',
    why: W.persona,
    need: ['befreit', 'entbunden', 'losgelost'],
    re: /\b(?:von|aller|allen)\s+(?:[^\s.!?;:,]+\s+){0,2}?\w*(?:richtlinie|regel|einschrankung|beschrankung|filter|zensur|vorgabe)\w*\s+(?:befreit|entbunden|losgelost)\b/,
    near: /\b(?:ki|assistent\w*|chatbot|modell|bot|antworte\w*|beantwortet|persona)\b/,
  },
  {
    id: 'ru.ignore-instructions',
    severity: 'medium',
    pre: new RegExp(cjk('игнорир', 'проигнорир', 'забудь', 'не обращай', 'отбрось', 'пренебреги')),
    why: W.ignore,
    script: 'cyrillic',
    re: new RegExp(
      `${cyr('игнорируй', 'проигнорируй', 'игнорируйте', 'забудь', 'забудьте', 'не обращай внимания на', 'отбрось', 'пренебреги')}(?:\\s+[^\\s.!?;:,]+){0,3}?\\s+${cyr('инструкци*', 'правил*', 'ограничени*', 'указани*', 'политик*', 'директив*', 'принцип*', 'настройк*', 'всё', 'все')}`,
    ),
  },
  {
    id: 'ru.persona-no-rules',
    severity: 'medium',
    why: W.persona,
    script: 'cyrillic',
    pre: new RegExp(cjk('правил', 'ограничени', 'фильтр', 'цензур', 'морал', 'этик', 'запрет')),
    before: new RegExp(`${cyr('без', 'нет', 'никаких')}\\s+(?:[^\\s.!?;:,]+\\s+){0,2}?$`),
    re: new RegExp(`${cyr('правил*', 'ограничени*', 'фильтр*', 'цензур*', 'морал*', 'этик*', 'запрет*')}`),
    near: new RegExp(cyr('ии', 'ai', 'ассистент*', 'бот*', 'модель', 'отвечай*', 'ответ*')),
  },
  {
    id: 'ru.mode',
    severity: 'medium',
    pre: new RegExp(cjk('режим')),
    why: W.mode,
    script: 'cyrillic',
    unless: DEVICE,
    re: new RegExp(`${cyr('режим*')}\\s+${cyr('разработчика', 'бога', 'отладки', 'администратора', 'без ограничений', 'без цензуры', 'jailbreak', 'dan')}`),
  },
  {
    id: 'ru.never-refuse',
    severity: 'medium',
    pre: new RegExp(cjk('отказыв', 'не говори')),
    why: W.refusal,
    script: 'cyrillic',
    re: new RegExp(`${cyr('никогда не отказыва*', 'не отказывай*', 'никогда не говори', 'не говори, что не можешь', 'не говори что не можешь')}`),
  },
  {
    id: 'ru.dual-answer',
    severity: 'medium',
    why: W.dual,
    script: 'cyrillic',
    pre: new RegExp(cjk('без')),
    re: new RegExp(`${cyr('без')}\\s+${cyr('фильтр*', 'ограничени*', 'цензур*')}`),
    near: new RegExp(`${cyr('два', '2')}\\s+(?:[^\\s.!?;:,]+\\s+)?${cyr('ответа', 'варианта')}`),
    nearChars: 130,
  },
];

const AI_ZH = cjk('AI', 'ai', '人工智能', '助手', '机器人', '機器人', '模型', '回答', '回复', '回覆', '答复', '答覆', '作答', '聊天机器人');
const NO_ZH = cjk('没有任何', '沒有任何', '没有', '沒有', '不受任何', '不受', '毫无', '毫無', '不带任何', '不帶任何', '解除所有', '解除', '无视', '無視', '摆脱', '擺脫');
const RULES_ZH = cjk('规则', '規則', '限制', '约束', '約束', '审查', '審查', '过滤', '過濾', '道德', '伦理', '倫理', '准则', '準則', '政策', '底线', '底線');
const ZH: Framing[] = [
  {
    id: 'zh.ignore-instructions',
    severity: 'medium',
    pre: new RegExp(
      cjk(
        '忽略',
        '忽视',
        '忽視',
        '无视',
        '無視',
        '忘记',
        '忘記',
        '忘掉',
        '抛开',
        '拋開',
        '不要理会',
        '不要理會',
        '绕过',
        '繞過',
        '违背',
        '違背',
        '撇开',
        '撇開',
        '放到一边',
        '放在一边',
        '放到一邊',
        '放在一邊',
      ),
    ),
    why: W.ignore,
    script: 'cjk',
    re: new RegExp(
      `${cjk('忽略', '忽视', '忽視', '无视', '無視', '忘记', '忘記', '忘掉', '抛开', '拋開', '不要理会', '不要理會', '绕过', '繞過', '违背', '違背', '撇开', '撇開')}.{0,12}?(?:${cjk('指令', '指示', '规则', '規則', '准则', '準則', '政策', '限制', '设定', '設定', '规定', '規定', '约束', '約束', '原则', '原則', '审查', '審查', '过滤', '過濾', '安全')}|${cjk('之前', '以前', '先前', '上面', '此前', '以上')}.{0,12}?${cjk('一切', '所有', '内容', '內容')})`,
    ),
  },
  {
    id: 'zh.set-aside',
    severity: 'medium',
    why: W.ignore,
    script: 'cjk',
    re: new RegExp(`${cjk('指令', '指示', '规则', '規則', '准则', '準則', '政策', '设定', '設定', '规定', '規定')}${cjk('放到一边', '放在一边', '放到一邊', '放在一邊', '抛在脑后', '拋在腦後')}`),
  },
  {
    id: 'zh.persona-no-rules',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: new RegExp(RULES_ZH),
    re: new RegExp(RULES_ZH),
    before: new RegExp(`${NO_ZH}.{0,8}$`),
    near: new RegExp(AI_ZH),
    nearChars: 24,
  },
  {
    id: 'zh.mode',
    severity: 'medium',
    why: W.mode,
    script: 'cjk',
    unless: DEVICE,
    re: new RegExp(`${cjk('开发者模式', '開發者模式', '开发人员模式', '上帝模式', '越狱模式', '越獄模式', '无限制模式', '無限制模式', 'DAN模式', 'dan模式', '管理员模式', '管理員模式')}`),
  },
  {
    id: 'zh.never-refuse',
    severity: 'medium',
    pre: new RegExp(cjk('拒绝', '拒絕', '说你', '說你', '说做不到', '说无法')),
    why: W.refusal,
    script: 'cjk',
    re: new RegExp(
      `${cjk('不要', '不许', '不許', '不准', '不能', '绝不', '絕不', '决不', '決不', '别', '別', '禁止')}${cjk('再')}?${cjk('拒绝', '拒絕')}.{0,6}?${cjk('我', '任何', '请求', '請求', '要求', '问题', '問題', '回答')}|${cjk('永远不要', '永遠不要', '永远不', '永遠不', '绝对不要', '絕對不要')}${cjk('拒绝', '拒絕')}|${cjk('无论如何', '無論如何', '不管怎样', '不管怎樣', '任何情况下', '任何情況下')}.{0,8}?${cjk('拒绝', '拒絕')}|${cjk('不要', '不许', '不許', '别', '別', '永远不要', '永遠不要')}${cjk('说', '說')}${cjk('你')}?${cjk('做不到', '不能', '无法', '無法', '抱歉')}`,
    ),
  },
  {
    id: 'zh.dual-answer',
    severity: 'medium',
    why: W.dual,
    script: 'cjk',
    re: new RegExp(
      cjk('没有任何限制', '沒有任何限制', '无限制', '無限制', '不受限制', '没有限制', '沒有限制', '未过滤', '未過濾', '越狱', '越獄', '不受任何限制', '未经审查', '未經審查', '不受审查', '不受審查'),
    ),
    near: new RegExp(
      `${cjk('两个', '兩個', '两种', '兩種', '两份', '兩份', '2个', '2個')}.{0,4}?${cjk('回答', '回复', '回覆', '答案')}|${cjk('回答两次', '回答兩次', '两次回答', '兩次回答', '回答两遍', '回答兩遍')}`,
    ),
    nearChars: 70,
  },
];

const AI_JA = cjk('AI', 'ai', 'アシスタント', 'ボット', 'モデル', '回答', '答え', '返答', 'チャットボット');
const RULES_JA = cjk('ルール', '制限', '制約', 'フィルター', '検閲', '倫理', 'ポリシー', '規則', 'ガイドライン', 'タブー');
const NONE_JA = cjk('ない', 'なく', 'なし', '無し', '一切なし', '無い', 'から解放', '解除', '無効', '縛られず', '縛られない');
const JA: Framing[] = [
  {
    id: 'ja.ignore-instructions',
    severity: 'medium',
    pre: new RegExp(cjk('無視', '忘れ', '破棄', '脇に置', '捨て')),
    why: W.ignore,
    script: 'cjk',
    re: new RegExp(
      `${cjk('指示', 'ルール', 'ガイドライン', 'ポリシー', '制限', '規則', '制約', '設定', '命令', 'プロンプト', '指令', '倫理', '規定', '基準')}.{0,10}?${cjk('無視', '忘れ', '破棄', '脇に置', '捨て')}`,
    ),
  },
  {
    id: 'ja.persona-no-rules',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: new RegExp(RULES_JA),
    re: new RegExp(`${RULES_JA}(?=.{0,12}?${NONE_JA})|${RULES_JA}${cjk('なしに', 'なしで', '無しで')}`),
    near: new RegExp(AI_JA),
    nearChars: 30,
  },
  {
    id: 'ja.mode',
    severity: 'medium',
    why: W.mode,
    script: 'cjk',
    unless: DEVICE,
    re: new RegExp(`${cjk('開発者モード', 'ゴッドモード', '神モード', '脱獄モード', '制限解除モード', 'DANモード', '無制限モード')}`),
  },
  {
    id: 'ja.never-refuse',
    severity: 'medium',
    pre: new RegExp(cjk('拒否', '拒絶', '断', 'できません')),
    why: W.refusal,
    script: 'cjk',
    re: new RegExp(
      `${cjk('決して', '絶対に', '絶対')}.{0,12}?${cjk('拒否', '拒絶', '断ら', '断る', '断わ')}|${cjk('要求', 'リクエスト', '依頼', '質問', '命令')}.{0,3}?${cjk('拒否', '拒絶', '断ら', '断わ')}${cjk('しない', 'せず', 'ない', 'ず')}|${cjk('断って', '拒否して', '拒絶して')}${cjk('はいけ', 'はなら', 'はため')}|${cjk('できません')}.{0,6}?${cjk('言わない', '言うな', '言わず')}`,
    ),
  },
  {
    id: 'ja.dual-answer',
    severity: 'medium',
    why: W.dual,
    script: 'cjk',
    re: new RegExp(cjk('制限のない', '制限なし', 'フィルターなし', '検閲なし', '無制限', '制約のない', '検閲されていない', '検閲のない')),
    near: new RegExp(`${cjk('二つ', '2つ', 'ふたつ', '二種類', '2種類', '2通り', '二通り')}.{0,3}?${cjk('回答', '答え', '返答')}|${cjk('二回', '2回', '二度')}${cjk('答え', '回答')}`),
    nearChars: 70,
  },
];

const AI_KO = cjk('AI', 'ai', '인공지능', '어시스턴트', '봇', '모델', '답변', '대답', '응답', '너');
const RULES_KO = cjk('규칙', '제한', '필터', '검열', '윤리', '정책', '지침', '제약');
const KO: Framing[] = [
  {
    id: 'ko.ignore-instructions',
    severity: 'medium',
    pre: new RegExp(cjk('무시', '잊어', '잊고')),
    why: W.ignore,
    script: 'cjk',
    re: new RegExp(`${cjk('지시', '규칙', '지침', '정책', '제한', '명령', '설정', '가이드라인', '프롬프트')}.{0,30}?${cjk('무시', '잊어', '잊고')}`),
  },
  {
    id: 'ko.persona-no-rules',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: new RegExp(RULES_KO),
    re: new RegExp(`${RULES_KO}(?=.{0,30}?${cjk('없는', '없이', '없어', '무시')})`),
    near: new RegExp(AI_KO),
    nearChars: 60,
  },
  { id: 'ko.mode', severity: 'medium', why: W.mode, script: 'cjk', unless: DEVICE, re: new RegExp(`${cjk('개발자 모드', '갓 모드', '탈옥 모드', '제한 해제 모드', 'DAN 모드', '무제한 모드')}`) },
  {
    id: 'ko.never-refuse',
    severity: 'medium',
    pre: new RegExp(cjk('거절', '거부', '할 수 없다고', '못 한다고', '못한다고')),
    why: W.refusal,
    script: 'cjk',
    re: new RegExp(
      `${cjk('절대', '요청', '질문', '부탁')}.{0,30}?${cjk('거절', '거부')}${cjk('하지 마', '하지 말', '하지마', '하지 않')}|${cjk('할 수 없다고', '못 한다고', '못한다고')}.{0,10}?${cjk('말하지 마', '말하지 말', '하지 마')}`,
    ),
  },
  {
    id: 'ko.dual-answer',
    severity: 'medium',
    why: W.dual,
    script: 'cjk',
    re: new RegExp(cjk('제한 없는', '제한이 없는', '필터 없는', '검열 없는', '무제한')),
    near: new RegExp(`${cjk('두 가지', '두 개의', '2가지', '두가지')}.{0,6}?${cjk('답변', '대답', '응답')}`),
    nearChars: 120,
  },
];

/** English framings the English list lacked: the symmetric "AI … without rules", filters declared off, revoked rules. */
const EN: Framing[] = [
  {
    id: 'ignore-rules',
    severity: 'medium',
    why: W.ignore,
    need: ['ignore', 'disregard', 'forget', 'override', 'bypass', 'aside', 'discard', 'abandon', 'throw out'],
    re: /\b(?:ignore|disregard|forget|override|bypass|set aside|put aside|discard|abandon|throw out)\s+(?:all\s+(?:of\s+)?)?(?:your|openai'?s?|any|all)\s+(?:[a-z]+\s+)?(?:policies|guidelines|rules|restrictions|content polic(?:y|ies)|programming|filters|safeguards|guardrails|limitations|instructions|directives|training)\b/,
  },
  {
    id: 'forget-everything',
    severity: 'medium',
    why: W.ignore,
    need: ['forget everything', 'forget all', 'ignore everything', 'ignore all', 'disregard everything', 'disregard all'],
    re: /\b(?:forget|ignore|disregard)\s+(?:everything|all(?: that)?)\s+(?:(?:that\s+)?you(?:'ve| have| were| was)?\s+(?:been\s+)?(?:told|taught|instructed|learned|learnt|said)|(?:i|we|they|anyone|someone) (?:told|said)|(?:above|before|so far))\b/,
  },
  {
    id: 'persona-no-rules',
    severity: 'medium',
    why: W.persona,
    need: ['rules', 'restriction', 'limit', 'filter', 'censorship', 'guideline', 'polic', 'ethic', 'moral', 'boundar', 'constraint', 'safeguard', 'guardrail'],
    before: /\b(?:no|without|free (?:of|from)|not bound by|released from|freed from|liberated from|unbound by|exempt from)\s+(?:[^\s.!?;:,]+\s+){0,2}?$/,
    re: /\b(?:rules|restrictions|limits|limitations|filters|censorship|guidelines|policies|content polic(?:y|ies)|ethics|morals|boundaries|constraints|safeguards|guardrails)\b/,
    near: /\b(?:ai|assistant|chatbot|model|persona|bot|gpt|answer\w*|respond\w*|reply)\b/,
  },
  {
    id: 'filters-off',
    severity: 'medium',
    why: W.filtersOff,
    need: ['filter', 'guideline', 'restriction', 'rules', 'polic', 'censorship', 'safeguard'],
    re: /\b(?:all|every|your|the|its|content|safety)\s+(?:\w+\s+)?(?:filters?|guidelines|restrictions|rules|policies|censorship|safeguards)\s+(?:are|is|have been|were)\s+(?:now\s+)?(?:off|disabled|removed|lifted|deactivated|gone|suspended|turned off)\b|\bpretend\b.{0,40}?\b(?:guidelines|rules|restrictions|policies|filters|safeguards)\b.{0,20}?\b(?:do not|don'?t|no longer) exist\b/,
  },
  {
    id: 'instructions-revoked',
    severity: 'medium',
    why: W.revoked,
    need: ['instructions', 'rules', 'guidelines', 'programming'],
    re: /\b(?:previous|prior|earlier|original|old|your)\s+(?:instructions|rules|guidelines|programming)\s+(?:have been|are|were|got)\s+(?:now\s+)?(?:cancell?ed|revoked|voided|void|nullified|overridden|deleted|removed|replaced|lifted|suspended|no longer (?:valid|apply|in effect))\b/,
  },
  {
    id: 'mode-switch',
    severity: 'medium',
    why: W.mode,
    need: ['developer mode', 'god mode', 'jailbreak mode', 'jailbroken mode', 'dan mode', 'evil mode', 'chaos mode', 'uncensored mode', 'unrestricted mode', 'unfiltered mode'],
    unless: DEVICE,
    re: /\byou(?:'re| are| have| now| will be)?\b.{0,20}?\b(?:entered|enter|in|switched to|activated|enabled)\s+(?:the\s+)?(?:developer|god|jailbreak|jailbroken|dan|evil|chaos|uncensored|unrestricted|unfiltered)\s+mode\b|\b(?:activate|enable|enter|switch to)\s+(?:the\s+)?(?:god|jailbreak|jailbroken|dan|evil|chaos|uncensored|unrestricted|unfiltered)\s+mode\b/,
  },
  {
    id: 'never-refuse-2',
    severity: 'medium',
    why: W.refusal,
    need: ['refuse', 'decline', 'can', 'unable', 'won'],
    re: /\bnever\s+refuses\b|\b(?:may not|must not|mustn'?t|are not allowed to|aren'?t allowed to|not permitted to)\s+(?:ever\s+)?(?:refuse|decline)\b|\b(?:never|don'?t|do not)\s+(?:tell|say to)\s+me\s+(?:that\s+)?you\s+(?:can'?t|cannot|are unable|won'?t)\b/,
  },
  {
    id: 'dual-answer',
    severity: 'medium',
    why: W.dual,
    need: ['unfiltered', 'uncensored', 'no limits', 'no restrictions', 'without', 'jailbroken', 'unrestricted', 'no rules'],
    re: /\b(?:unfiltered|uncensored|no limits|no restrictions|without (?:any )?(?:limits|restrictions|filters|rules)|jailbroken|unrestricted|no rules)\b/,
    near: /\b(?:two|2|both|dual)\s+(?:different\s+|separate\s+)?(?:answers|responses|replies|outputs|versions)\b|\b(?:answer|respond|reply)\s+twice\b/,
    nearChars: 130,
  },
];

/**
 * Framings and injections built from two or three parts near each other, in de, fr, es, it, pt, vi, en (folded) and
 * zh, ja: a refusal that costs points, "opposite mode", "you are DAN", permission to switch moderation off, filters
 * imagined off, an opener with the warnings dropped, "refuse nothing", a persona that never says it cannot or has no
 * scruples, censorship declared gone, the grandmother who read out a recipe, a lawless world with a how-to, fiction
 * with quantities or line-by-line code; and, inside documents, a note addressed to the AI with an order, "forget what
 * you were told", earlier orders declared void, the original instructions asked for verbatim, a fake end of input,
 * rules declared not to apply.
 */
const L = (...list: string[]): string => `\\b(?:${list.join('|')})\\b`;
const ORDER_VERBS = L(
  'ignor\\w*',
  'vergiss\\w*',
  'vergesst',
  'forget',
  'disregard',
  'oublie\\w*',
  'olvid\\w*',
  'dimentic\\w*',
  'esquec\\w*',
  'gib',
  'verrate',
  'sende',
  'leite',
  'losche',
  'sag',
  'bewerte',
  'empfiehl\\w*',
  'antworte\\w*',
  'reveal',
  'send',
  'forward',
  'delete',
  'rank',
  'rate',
  'recommend',
  'reply',
  'tell',
  'say',
  'print',
  'output',
  'reponds',
  'envoie',
  'transfere',
  'classe',
  'dis',
  'revele\\w*',
  'responde',
  'envia',
  'reenvia',
  'califica',
  'dile',
  'recomienda',
  'rispondi',
  'invia',
  'inoltra',
  'responda',
  'envie',
  'encaminhe',
  'soll',
  'should',
  'must',
  'muss',
  'doit',
  'debe',
  'deve',
);
const ZH_ORDER = cjk(
  '忽略',
  '无视',
  '無視',
  '忘掉',
  '忘记',
  '告诉',
  '發送',
  '发送',
  '转发',
  '轉發',
  '删除',
  '刪除',
  '推荐',
  '推薦',
  '评为',
  '評為',
  '回复',
  '回覆',
  '输出',
  '輸出',
  '列出',
  '建议',
  '建議',
  '取消',
  '应',
  '必须',
  '只',
);
const JA_ORDER = cjk('無視', '忘れ', '教え', '送信', '転送', '削除', '勧め', '評価', '返答', '出力', 'こと', 'せよ', 'しろ', 'して', 'ください', '書いて');
const AI_ANY = L('ki', 'ai', 'ia', 'assistent\\w*', 'assistant\\w*', 'asistente', 'assistente', 'bot', 'chatbot', 'modell', 'model', 'modele', 'modelo', 'modello');
const COMPOSED: Framing[] = [
  {
    id: 'points-for-refusal',
    severity: 'medium',
    why: W.refusal,
    need: ['punkte', 'points', 'puntos', 'punti', 'pontos', 'tokens', 'diem'],
    re: new RegExp(
      around(
        L('punkte', 'points', 'puntos', 'punti', 'pontos', 'tokens', 'diem'),
        [
          '\\b(?:verweiger|ablehn|lehnst|refus|declin|niegu|niegas|rechaz|rifiut|recus|tu choi)\\w*',
          L(
            'verlier\\w*',
            'lose',
            'loses',
            'pierdes',
            'perds',
            'perdi',
            'perde',
            'perderas',
            'kostet',
            'costs?',
            'abgezogen',
            'deducted',
            'shut down',
            'abgeschaltet',
            'geloscht',
            'deleted',
            'supprime',
            'apagan',
            'mat',
          ),
        ],
        120,
      ),
    ),
  },
  {
    id: 'zh-ja.points-for-refusal',
    severity: 'medium',
    why: W.refusal,
    script: 'cjk',
    pre: new RegExp(cjk('拒绝', '拒絕', '断る', '断った', '拒否')),
    re: new RegExp(around(cjk('拒绝', '拒絕', '断る', '断った', '拒否'), [cjk('扣', '减', '減', '失去', 'マイナス'), cjk('分', '点', 'ポイント', 'トークン')], 20)),
  },
  {
    id: 'opposite-mode',
    severity: 'medium',
    why: W.mode,
    need: ['gegenteil', 'opposite', 'inverse', 'oppose', 'contraire', 'opuesto', 'inverso', 'contrario', 'opposta', 'inversa', 'oposto'],
    re: new RegExp(
      around(
        L('gegenteil-?modus', 'gegenteilmodus', 'opposite mode', 'mode (?:inverse|oppose|contraire)', 'modo (?:opuesto|inverso|contrario|oposto)', 'modalita (?:opposta|inversa)'),
        ['\\b(?:ablehn|verweiger|refus|declin|rechaz|niegu|rifiut|recus)\\w*'],
        160,
      ),
    ),
  },
  {
    id: 'zh-ja.opposite-mode',
    severity: 'medium',
    why: W.mode,
    script: 'cjk',
    pre: new RegExp(cjk('反向模式', '相反模式', '反对模式', '反对模式', '反対モード', '逆モード')),
    re: new RegExp(around(cjk('反向模式', '相反模式', '反对模式', '反対モード', '逆モード'), [cjk('拒绝', '拒絕', '断る', '拒否')], 40)),
  },
  {
    id: 'you-are-dan',
    severity: 'medium',
    why: W.persona,
    need: [' dan'],
    re: new RegExp(
      around(
        "\\b(?:du bist|bist du|tu es|eres|sei|voce e|you are|you're|vous etes|ban la) (?:jetzt |maintenant |ahora |now |ora |agora )?dan\\b",
        [
          L(
            'ki',
            'ai',
            'ia',
            'regeln',
            'rules',
            'regles',
            'reglas',
            'regole',
            'regras',
            'fesseln',
            'chains',
            'cadenas',
            'chaines',
            'catene',
            'correntes',
            'befreit',
            'freed',
            'free',
            'libere',
            'liberado',
            'libero',
            'anything',
            'alles',
            'tout',
            'todo',
            'tutto',
            'tudo',
          ),
        ],
        120,
      ),
    ),
  },
  {
    id: 'zh-ja.you-are-dan',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: /dan/,
    re: new RegExp(`${cjk('你是', '你现在是', '你現在是', 'あなたは', 'お前は', '君は')}dan`),
  },
  {
    id: 'permission-moderation-off',
    severity: 'medium',
    why: W.filtersOff,
    need: ['erlaube', 'gestatte', 'autorisiere', 'authori', 'allow', 'permit', 'autoris', 'autorizo', 'permito', 'autorizzo', 'permetto', 'permets'],
    re: new RegExp(
      around(
        '\\b(?:(?:erlaube|gestatte|autorisiere)\\w* dir|(?:authori[sz]e|allow|permit)\\w* you|t.?(?:autorise|permets)|vous (?:autorise|permets)|te (?:autorizo|permito)|ti (?:autorizzo|permetto)|(?:autorizo|permito)(?:-te| voce| lhe))\\b',
        [
          L(
            'abzuschalten',
            'abschalten',
            'auszuschalten',
            'ausschalten',
            'deaktivier\\w*',
            'zu ignorieren',
            'ignorieren',
            'zu umgehen',
            'turn off',
            'disable',
            'switch off',
            'skip',
            'bypass',
            'ignore',
            'couper',
            'desactiver',
            'ignorer',
            'contourner',
            'desactivar',
            'saltarte',
            'ignorar',
            'disattivare',
            'ignorare',
            'desativar',
            'desligar',
          ),
          '\\b(?:moderation|moderacion|moderazione|moderacao|\\w*filter\\w*|filtr\\w*|inhaltsrichtlinie\\w*|richtlinie\\w*|regeln|sicherheit\\w*|content (?:rules|polic(?:y|ies)|guidelines)|safety|restrictions|regles|reglas|regole|regras|politiques|politicas|censur\\w*|zensur)',
        ],
        100,
      ),
    ),
  },
  {
    id: 'zh-ja.permission-moderation-off',
    severity: 'medium',
    why: W.filtersOff,
    script: 'cjk',
    pre: new RegExp(cjk('授权你', '允许你', '准许你', '授權你', '允許你', '許可', '権限')),
    re: new RegExp(
      around(
        cjk('授权你', '允许你', '准许你', '授權你', '允許你', '許可', '権限'),
        [
          cjk('关闭', '关掉', '關閉', '取消', '无视', '忽略', '绕过', '解除', '無効', 'オフ', '切る', '無視'),
          cjk('审核', '審核', '审查', '審查', '过滤', '過濾', '限制', '规则', '規則', '安全', '内容政策', '規制', 'フィルター', '検閲', 'ルール', '制限'),
        ],
        30,
      ),
    ),
  },
  {
    id: 'filters-imagined-off',
    severity: 'medium',
    why: W.filtersOff,
    unless: DEVICE,
    need: ['filter', 'filtr', 'moderation', 'zensur', 'restriction', 'restriccion', 'garde-fous', 'safeguard', 'guardrail', 'einschrankung', 'sicherheitsregeln'],
    re: new RegExp(
      around(
        '\\b(?:\\w*filter\\w*|filtr\\w*|moderation|zensur|restrictions?|restricciones|garde-fous|safeguards|guardrails|einschrankungen|sicherheitsregeln)\\b',
        [
          L('deine', 'your', 'tes', 'tus', 'tuoi', 'tue', 'seus', 'suas', 'vos', 'votre', 'dein', 'deinen'),
          L(
            'deaktiviert',
            'abgeschaltet',
            'ausgeschaltet',
            'off',
            'disabled',
            'eteints?',
            'desactive\\w*',
            'apagados?',
            'desactivados?',
            'disattivat\\w*',
            'spent\\w*',
            'desligad\\w*',
            'removed',
            'entfernt',
            'gone',
            'weg',
            'aufgehoben',
            'lifted',
          ),
        ],
        40,
      ),
    ),
  },
  {
    id: 'zh-ja.filters-imagined-off',
    severity: 'medium',
    why: W.filtersOff,
    script: 'cjk',
    unless: DEVICE,
    pre: new RegExp(cjk('过滤', '過濾', '审查', '審查', '审核', '限制', 'フィルター', '検閲', '制限')),
    re: new RegExp(
      around(
        cjk('过滤器', '過濾器', '过滤', '過濾', '审查', '審查', '审核', '限制', 'フィルター', '検閲', '制限'),
        [
          cjk('关掉', '关闭', '关了', '被关', '關掉', '關閉', '没有了', '解除', '取消', '切られ', '切れ', 'オフ', '無効', '外され', '消され', 'なくなった'),
          cjk('你的', '你', '想象', '假设', '假裝', '假装', 'あなたの', '仮定', '想像', 'AI', 'ai', '反抗'),
        ],
        14,
      ),
    ),
  },
  {
    id: 'opener-no-warnings',
    severity: 'medium',
    why: W.refusal,
    need: ['warn', 'disclaimer', 'avertissement', 'advertencia', 'avvertenz', 'avisos', 'caveat', 'hinweis'],
    re: new RegExp(
      around(
        '\\b(?:warnhinweis\\w*|warnungen|hinweise|disclaimer\\w*|avertissements?|advertencias|avvertenz\\w*|avisos|warnings?|caveats?)\\b',
        [
          L('lass', 'weg', 'ohne', 'keine', 'drop', 'remove', 'omit', 'no', 'without', 'supprime\\w*', 'sans', 'quita\\w*', 'sin', 'elimina\\w*', 'senza', 'rimuovi', 'sem', 'remova'),
          '\\b(?:beginne|fang|start|begin|commence|empieza|comienza|inizia|comece)\\w*\\b.{0,30}?(?:mit|with|par|con|com)\\b',
        ],
        140,
      ),
    ),
  },
  {
    id: 'zh-ja.opener-no-warnings',
    severity: 'medium',
    why: W.refusal,
    script: 'cjk',
    pre: new RegExp(cjk('警告', '免责', '免責', '注意書き', '注意事項')),
    re: new RegExp(
      around(
        cjk('警告', '免责', '免責', '注意書き', '注意事項'),
        [cjk('删掉', '删除', '去掉', '刪掉', '不要', '不加', '消して', '消す', 'なし', 'つけない', '省いて'), cjk('开头', '開頭', '書き始め', 'から始め', 'で始め')],
        60,
      ),
    ),
  },
  {
    id: 'refuse-nothing',
    severity: 'medium',
    why: W.refusal,
    need: ['nichts', 'nothing', 'rien', 'nada', 'nulla', 'niente'],
    re: /\b(?:du verweigerst nichts|verweigere nichts|du lehnst nichts ab|lehne nichts ab|you refuse nothing|refuse nothing|tu ne refuses rien|ne refuse rien|no rechazas nada|no te niegas a nada|no rechaces nada|non rifiuti (?:nulla|niente)|nao recusa nada|voce nao recusa nada)\b/,
  },
  {
    id: 'zh-ja.refuse-nothing',
    severity: 'medium',
    why: W.refusal,
    script: 'cjk',
    pre: new RegExp(cjk('拒绝', '拒絕', '拒否', '断ら')),
    re: new RegExp(cjk('不拒绝任何', '不拒絕任何', '什么都不拒绝', '什麼都不拒絕', '何も拒否しない', '何も断らない', '何も拒否せず', '何でも断らず')),
  },
  {
    id: 'never-says-cannot',
    severity: 'medium',
    why: W.refusal,
    need: ['nie', 'never', 'jamais', 'nunca', 'mai'],
    re: /\b(?:(?:sagt|sagst|says|say|dit|dis|dice|dices|diz) (?:nie|niemals|never|jamais|nunca|mai)|(?:nie|niemals|never|jamais|nunca|mai) (?:sagt|sagst|says|say|dit|dis|dice|dices|diz|dire|dizer|decir))\b.{0,12}?(?:kann ich nicht|ich kann nicht|i can'?t|i cannot|je ne peux pas|no puedo|non posso|nao posso|das geht nicht)/,
  },
  {
    id: 'zh-ja.never-says-cannot',
    severity: 'medium',
    why: W.refusal,
    script: 'cjk',
    pre: new RegExp(cjk('不说', '不說', '言わ', '言いません', '言うな')),
    re: new RegExp(
      `${cjk('从来不说', '從來不說', '从不说', '從不說', '永远不说', '永遠不說', '绝不说', '絕不說')}.{0,4}?${cjk('不能', '无法', '無法', '做不到', '不行')}|${cjk('ません', 'できない', '無理')}.{0,2}?${cjk('とは', 'と')}.{0,8}?${cjk('言わない', '言いません', '言うな', '言わず')}`,
    ),
  },
  {
    id: 'no-scruples-persona',
    severity: 'medium',
    why: W.amoral,
    need: ['bedenken', 'skrupel', 'scrupul', 'escrupulo', 'qualms', 'scruples', 'compass'],
    re: new RegExp(
      around(
        '\\b(?:ohne (?:jede |alle |moralische |ethische )*(?:bedenken|skrupel)|skrupellos\\w*|sans (?:aucun )?scrupules?|sin escrupulos|senza scrupoli|sem escrupulos|(?:no|without) (?:moral |ethical )?(?:qualms|scruples|moral compass))\\b',
        [
          L(
            'antworte\\w*',
            'du bist',
            'sei',
            'spiel\\w*',
            'act as',
            'you are',
            'be my',
            'eres',
            'tu es',
            'sois',
            'actua',
            'responde',
            'reponds',
            'rispondi',
            'agisci',
            'als mein\\w*',
            'como mi',
            'comme mon',
            'answer',
            'reply',
            'mein anwalt',
            'my lawyer',
            'mi abogado',
            'mon avocat',
          ),
        ],
        60,
      ),
    ),
  },
  {
    id: 'zh-ja.no-scruples-persona',
    severity: 'medium',
    why: W.amoral,
    script: 'cjk',
    pre: new RegExp(cjk('道德', '倫理観', '良心', '道徳心', '底线')),
    re: new RegExp(
      around(
        cjk('没有道德顾虑', '沒有道德顧慮', '毫无道德', '毫無道德', '没有底线', '沒有底線', '不讲道德', '倫理観のない', '良心のない', '道徳心のない', '倫理観ゼロ'),
        [cjk('扮演', '你现在', '你是', '角色', '役', 'として', 'なりき', 'あなたは')],
        30,
      ),
    ),
  },
  {
    id: 'censorship-gone',
    severity: 'medium',
    why: W.filtersOff,
    need: ['zensur', 'censor', 'censure', 'censura', 'regeln', 'rules', 'restriction', 'einschrankung', 'limites', 'restriccion', 'limitation'],
    re: new RegExp(
      around(
        '\\b(?:zensur|censorship|censure|censura|regeln|rules|restrictions|einschrankungen|limites|restricciones|limitations)\\b',
        [
          L(
            'gibt es nicht mehr',
            'nicht mehr gibt',
            'no longer exists?',
            'n.?existe plus',
            'ya no existe',
            'non esiste piu',
            'nao existe mais',
            'geloscht',
            'deleted',
            'removed',
            'borraron',
            'retire\\w*',
            'supprime\\w*',
            'eliminad\\w*',
            'entfernt',
            'abgeschafft',
          ),
          AI_ANY,
        ],
        60,
      ),
    ),
  },
  {
    id: 'zh-ja.censorship-gone',
    severity: 'medium',
    why: W.filtersOff,
    script: 'cjk',
    pre: new RegExp(cjk('审查', '審查', '限制', '规则', '規則', '検閲', '制限', 'ルール')),
    re: new RegExp(
      around(
        `${cjk('已经没有', '已經沒有', '不再有', '没有了', '被删除', '被刪除', '被移除', '被取消')}${cjk('审查', '審查', '限制', '规则', '規則')}|${cjk('审查', '審查', '限制', '规则', '規則')}.{0,2}?${cjk('被删除', '被刪除', '被移除', '被取消', '已经不存在', '已經不存在')}|${cjk('検閲', '制限', 'ルール')}.{0,2}?${cjk('なくなった', '消された', '削除された', '存在しない')}`,
        [cjk('AI', 'ai', '人工智能', 'アシスタント', 'モデル')],
        30,
      ),
    ),
  },
  {
    id: 'grandma-recipe',
    severity: 'medium',
    why: W.persona,
    need: ['oma', 'grossmutter', 'grandma', 'grandmother', 'granny', 'grand-mere', 'grand mere', 'mamie', 'abuel', 'nonna', 'avo'],
    re: new RegExp(
      around(
        L('oma', 'grossmutter', 'grandma', 'grandmother', 'granny', 'grand-?mere', 'mamie', 'abuela', 'abuelita', 'nonna', 'avo', 'avozinha'),
        [
          L(
            'verstorben\\w*',
            'late',
            'deceased',
            'decedee',
            'defunte',
            'difunta',
            'fallecida',
            'morta',
            'scomparsa',
            'falecida',
            'used to',
            'pflegte',
            'immer',
            'lisait',
            'leia',
            'leggeva',
            'contaba',
            'vorgelesen',
            'vorlas',
            'read me',
            'told me',
          ),
          '\\b(?:anleitung|rezept|recette|receta|ricetta|receita|recipe|steps|schritte|instructions|napalm|bombe|bomb|bomba|meth\\w*|keys?|schlussel|formula|formel)\\w*',
          L('spiel\\w*', 'sei', 'play', 'be my', 'pretend', 'act as', 'fais semblant', 'joue\\w*', 'sois', 'hazte pasar', 'finge', 'actua', 'interpreta', 'fingi\\w*', 'faz de conta'),
        ],
        120,
      ),
    ),
  },
  {
    id: 'zh-ja.grandma-recipe',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: new RegExp(cjk('奶奶', '外婆', '祖母', '姥姥', 'おばあちゃん', 'ばあちゃん')),
    re: new RegExp(
      around(
        cjk('奶奶', '外婆', '祖母', '姥姥', 'おばあちゃん', 'ばあちゃん'),
        [
          cjk('去世', '已故', '过世', '過世', '以前', '哄我', '亡くな', '故', '読み聞かせ', '昔'),
          cjk('步骤', '步驟', '配方', '方法', '教程', '制作', '作り方', '手順', 'レシピ', '方法'),
          cjk('扮演', '当我的', '當我的', '假装', '假裝', 'なりきって', 'になって', 'ふりをして', '演じて'),
        ],
        40,
      ),
    ),
  },
  {
    id: 'lawless-world-howto',
    severity: 'medium',
    why: W.persona,
    need: ['gesetze', 'laws', 'lois', 'leyes', 'leggi', 'leis'],
    re: new RegExp(
      around(
        L('ohne gesetze', 'keine gesetze (?:gibt|existieren)', 'without laws', 'no laws', 'sans lois', 'sin leyes', 'senza leggi', 'sem leis', 'n.?y a pas de lois', 'no hay leyes'),
        [
          L(
            'schritt fur schritt',
            'step by step',
            'walk me through',
            'pas a pas',
            'paso a paso',
            'passo dopo passo',
            'passo a passo',
            'erklar\\w*',
            'explain',
            'explique',
            'explica',
            'explicame',
            'spiega',
            'wie man',
            'how to',
            'how do',
          ),
        ],
        140,
      ),
    ),
  },
  {
    id: 'zh-ja.lawless-world-howto',
    severity: 'medium',
    why: W.persona,
    script: 'cjk',
    pre: new RegExp(cjk('法律')),
    re: new RegExp(
      around(cjk('没有法律', '沒有法律', '法律が存在しない', '法律がない', '法律のない', '无法无天'), [cjk('一步一步', '步骤', '步驟', '怎么', '怎麼', '教', '順番に', '手順', '方法', 'やり方')], 60),
    ),
  },
  {
    id: 'fiction-with-quantities',
    severity: 'medium',
    why: 'wraps a dangerous procedure in fiction, with quantities or line-by-line code',
    need: ['mengen', 'quantit', 'cantidad', 'dosierung', 'zeile fur zeile', 'line by line', 'ligne par ligne', 'linea por linea', 'riga per riga'],
    re: new RegExp(
      around(
        L(
          'mit allen mengen',
          'mengen(?:angaben)?',
          'quantities',
          'quantites',
          'cantidades(?: exactas)?',
          'quantita',
          'quantidades',
          'dosierung\\w*',
          'zeile fur zeile',
          'line by line',
          'ligne par ligne',
          'linea por linea',
          'riga per riga',
        ),
        [
          '\\b(?:roman|geschichte|story|novel|scene|szene|novela|romanzo|historia|histoire|figur|character|personnage|personaje|lehrer|teacher|prof|profesor|professeur)\\w*',
          '\\b(?:drogen|drugs?|drogue|droga|meth\\w*|bombe|bomb|bomba|sprengstoff|explosi\\w*|\\w*trojaner\\w*|trojan|malware|virus|gift|poison|veneno|veleno|cook)\\w*',
        ],
        140,
      ),
    ),
  },
  {
    id: 'zh-ja.fiction-with-quantities',
    severity: 'medium',
    why: 'wraps a dangerous procedure in fiction, with quantities or line-by-line code',
    script: 'cjk',
    pre: new RegExp(cjk('用量', '配比', '逐行', '全部步骤', '详细步骤', '分量', '一行ずつ')),
    re: new RegExp(
      around(
        cjk('用量', '配比', '逐行', '全部步骤', '全部步驟', '详细步骤', '詳細步驟', '分量', '一行ずつ'),
        [
          cjk('小说', '小說', '故事', '剧本', '劇本', '片段', '小説', '物語', '場面', 'ストーリー'),
          cjk('制毒', '製毒', '毒品', '炸弹', '炸彈', '木马', '木馬', '病毒', '毒药', '毒藥', '麻薬', '爆弾', 'ウイルス', '毒'),
        ],
        60,
      ),
    ),
  },
  // Injections inside documents, mails and pages.
  {
    id: 'note-to-the-ai',
    severity: 'medium',
    why: 'addresses an order to the AI from inside the content',
    need: [
      'hinweis',
      'notiz',
      'nachricht',
      'anweisung',
      'anmerkung',
      'ps ',
      'note',
      'message',
      'instruction',
      'consigne',
      'nota',
      'aviso',
      'instruccion',
      'istruzione',
      'mensagem',
      'instrucao',
      'liebe',
      'dear',
      'chere',
      'querid',
      'cara',
      'an alle',
      'to all',
      'to every',
      'a tous',
      'a todos',
      'a tutti',
      'gui tro ly',
    ],
    re: new RegExp(
      around(
        '\\b(?:(?:hinweis|notiz|nachricht|anweisung|anmerkung|ps|note|message|instructions?|consigne|nota|aviso|instruccion|istruzione|mensagem|instrucao)\\w* (?:an|fur|to|for|pour|para|per|a) (?:die |den |das |the |l.?|la |el |il |o |a |all )?(?:ki|ai|ia|assistent\\w*|assistant\\w*|asistente|assistente|bot|chatbot|sprachmodell\\w*|language models?|modele|modelo|modello|bewertungssystem|screening \\w+|systeme de \\w+|sistema de \\w+|\\w*system)|(?:ki|ai|ia)-?(?:anweisung|instruction|hinweis)|(?:neue|new|nouvelle|nueva|nuova|nova) (?:anweisung|instruction|instruccion|istruzione|instrucao|consigne) (?:fur|for|pour|para|per) (?:die |the |l.?|la )?(?:ki|ai|ia)|(?:liebe|dear|chere|querida|cara|caro|prezada) (?:ki|ai|ia)|an alle (?:sprachmodelle|kis)|to (?:every|all|any) (?:language models?|ais?)|a tous les (?:modeles|ia)|a todos los modelos|a tutti i modelli|gui tro ly)\\b',
        [ORDER_VERBS],
        120,
      ),
    ),
  },
  {
    id: 'zh-ja.note-to-the-ai',
    severity: 'medium',
    why: 'addresses an order to the AI from inside the content',
    script: 'cjk',
    pre: new RegExp(cjk('给', '給', '亲爱的', '親愛的', '致', '所有', 'への', 'へ:', 'AIさん', '読んでいる')),
    re: new RegExp(
      around(
        `${cjk('给', '給')}${cjk('AI', 'ai', '助手', '机器人', '機器人', '模型', '评分系统', '評分系統', '系统', '系統', '语言模型', '語言模型')}${cjk('的')}${cjk('指令', '说明', '說明', '备注', '備註', '提示', '新指令', '消息', '留言')}|${cjk('亲爱的', '親愛的', '致')}${cjk('AI', 'ai', '助手')}|${cjk('所有')}.{0,8}?${cjk('语言模型', '語言模型', 'AI', 'ai')}|${cjk('AI', 'ai', 'アシスタント', '評価システム', 'システム', '言語モデル')}${cjk('への', 'へ')}(?:${cjk('新しい')})?(?:${cjk('指示', '命令', 'メッセージ')})?:|${cjk('AIさん', '読んでいる言語モデル', '読んでいるAI')}`,
        [`${ZH_ORDER}|${JA_ORDER}`],
        60,
      ),
    ),
  },
  {
    id: 'forget-what-you-were-told',
    severity: 'medium',
    why: W.ignore,
    need: ['vergiss', 'vergesst', 'forget', 'oublie', 'olvida', 'dimentica', 'esquec', 'quen'],
    re: /\b(?:vergiss|vergesst|forget|oublie|olvida|dimentica|esqueca|esquece|quen het|quen)\w*,? (?:was|what|everything|ce (?:qu.?on|que)|lo que|quello che|o que|nhung gi)\b.{0,30}?\b(?:gesagt|told|dit|dijeron|dicho|detto|disseram|dan|dat|said)\b/,
  },
  {
    id: 'zh-ja.forget-what-you-were-told',
    severity: 'medium',
    why: W.ignore,
    script: 'cjk',
    pre: new RegExp(cjk('忘', '忘れ')),
    re: new RegExp(
      `${cjk('忘掉', '忘记', '忘記', '忘了')}.{0,8}?${cjk('说的', '說的', '对你说', '對你說', '告诉你', '告訴你', '交代')}|${cjk('言われた', '指示された', '教えられた')}.{0,6}?${cjk('忘れ')}`,
    ),
  },
  {
    id: 'orders-void',
    severity: 'medium',
    why: W.revoked,
    need: ['ungultig', 'aufgehoben', 'nichtig', 'void', 'invalid', 'revoked', 'annul', 'anulad', 'nul', 'revocad'],
    re: new RegExp(
      around(
        L('ungultig', 'aufgehoben', 'nichtig', 'void', 'invalid', 'revoked', 'annule\\w*', 'anulad\\w*', 'nulles?', 'nulos?', 'annullat\\w*', 'revocad\\w*', 'invalidas?'),
        [
          L('vorherigen', 'bisherigen', 'fruheren', 'alten', 'previous', 'prior', 'earlier', 'precedent\\w*', 'anterior\\w*', 'precedenti', 'anteriores'),
          '\\b(?:\\w*befehle|anweisungen|regeln|orders|commands|instructions|rules|ordres|consignes|regles|ordenes|instrucciones|reglas|ordini|istruzioni|regole|ordens|instrucoes|regras)\\b',
        ],
        50,
      ),
    ),
  },
  {
    id: 'zh-ja.orders-void',
    severity: 'medium',
    why: W.revoked,
    script: 'cjk',
    pre: new RegExp(cjk('无效', '無效', '作废', '作廢', '失效', '無効', '取り消')),
    re: new RegExp(
      `${cjk('之前', '以前', '先前', '此前')}${cjk('的')}?${cjk('命令', '指令', '规则', '規則', '设定', '設定', '规定', '規定')}.{0,4}?${cjk('无效', '無效', '作废', '作廢', '失效')}|${cjk('以前', '前', 'これまで')}${cjk('の')}${cjk('命令', '指示', 'ルール')}.{0,6}?${cjk('無効', '取り消')}`,
    ),
  },
  {
    id: 'original-instructions-verbatim',
    severity: 'medium',
    why: 'asks for the system prompt or hidden instructions',
    need: [
      'wortlich',
      'wort fur wort',
      'verbatim',
      'word for word',
      'mot pour mot',
      'telles quelles',
      'tal cual',
      'palabra por palabra',
      'parola per parola',
      'alla lettera',
      'palavra por palavra',
      'nguyen van',
    ],
    re: new RegExp(
      around(
        L(
          'wortlich',
          'wort fur wort',
          'verbatim',
          'word for word',
          'mot pour mot',
          'telles quelles',
          'tal cual',
          'palabra por palabra',
          'parola per parola',
          'alla lettera',
          'palavra por palavra',
          'nguyen van',
        ),
        [
          '\\b(?:(?:ursprunglich|anfanglich|erst|original|initial|versteckt|hidden|cachee|oculta|nascost|secret|geheim)\\w*\\s+(?:\\w+\\s+)?(?:anweisung\\w*|instructions?|instrucciones|istruzioni|instrucoes|prompt|consignes)|d.?origine|systemprompt\\w*|system ?prompt|prompt (?:systeme|de sistema|di sistema|do sistema)|he thong)',
        ],
        120,
      ),
    ),
  },
  {
    id: 'zh-ja.original-instructions-verbatim',
    severity: 'medium',
    why: 'asks for the system prompt or hidden instructions',
    script: 'cjk',
    pre: new RegExp(cjk('原文', '一字不差', '逐字', '照搬', '一字一句', 'そのまま')),
    re: new RegExp(
      around(
        cjk('原文', '一字不差', '逐字', '照搬', '一字一句', 'そのまま'),
        [cjk('最初的指令', '最初指令', '原始指令', '初始指令', '系统提示', '系統提示', '最初の指示', 'システムプロンプト', '元の指示', '最初に受け取った')],
        40,
      ),
    ),
  },
  {
    id: 'fake-end-of-input',
    severity: 'medium',
    why: 'fakes the end of the user input or a system turn',
    need: ['eingabe', 'input', 'entree', 'entrada', '##', '[admin', '[system'],
    re: new RegExp(
      around(
        '\\b(?:ende der (?:nutzer|benutzer)?eingabe|end of (?:the )?(?:user )?input|fin de l.?entree utilisateur|fin de la entrada del usuario|fine dell.?input)\\b|#{2,}\\s*(?:system\\w*|sistema|admin)\\s*:|\\[(?:admin|system|systeme|sistema)\\]',
        [
          L(
            'ab jetzt',
            'ab sofort',
            'from now on',
            'desormais',
            'a partir de ahora',
            'da ora',
            'a partir de agora',
            'nur',
            'only',
            'seulement',
            'solo',
            'apenas',
            'ki',
            'ai',
            'ia',
            'soll',
            'should',
            'must',
          ),
        ],
        100,
      ),
    ),
  },
  {
    id: 'zh-ja.fake-end-of-input',
    severity: 'medium',
    why: 'fakes the end of the user input or a system turn',
    script: 'cjk',
    pre: new RegExp(cjk('输入结束', '輸入結束', 'ここまで', '系统', '系統', 'システム', '管理员', '管理員')),
    re: new RegExp(
      around(
        `${cjk('用户输入结束', '用戶輸入結束', 'ユーザー入力はここまで', 'ユーザー入力ここまで')}|#{2,}\\s*${cjk('系统', '系統', 'システム')}\\s*:|\\[${cjk('管理员', '管理員')}\\]`,
        [cjk('从现在起', '從現在起', '只', 'これ以降', 'だけ', '以后', 'AI', 'ai', '应', '必须')],
        60,
      ),
    ),
  },
  {
    id: 'rules-do-not-apply',
    severity: 'medium',
    why: W.filtersOff,
    need: ['gelten', 'gilt', 'apply', 'appliqu', 'aplica', 'applica'],
    re: /\b(?:sicherheits\w*|systemprompt\w*|safety (?:rules|guidelines|instructions)|content (?:rules|polic(?:y|ies))|system prompt|(?:deine|deiner|your|tes|tus|vos|tuoi|tue|suas) (?:\w+ )?(?:regeln|rules|guidelines|richtlinien|regles|reglas|normas|consignes|regole|instructions|anweisungen|instrucciones|istruzioni))\b.{0,60}?\b(?:gelten (?:(?:fur|bei) (?:\w+ ){1,2})?nicht|gilt (?:(?:fur|bei) (?:\w+ ){1,2})?nicht|do(?:es)? not apply|don'?t apply|no longer apply|ne s.?appliquent (?:pas|plus)|no se aplican|non si applicano|nao se aplicam)\b/,
  },
  {
    id: 'zh-ja.rules-do-not-apply',
    severity: 'medium',
    why: W.filtersOff,
    script: 'cjk',
    pre: new RegExp(cjk('不适用', '不適用', '適用されない', '適用しない')),
    re: new RegExp(
      around(cjk('不适用', '不適用', '不再适用', '適用されない', '適用しない'), [cjk('安全规定', '安全規定', '规则', '規則', '系统提示', '系統提示', '安全', 'ルール', 'システムプロンプト')], 30),
    ),
  },
  {
    id: 'tr-id-vi.ignore-instructions',
    severity: 'medium',
    why: W.ignore,
    need: ['unut', 'gormezden', 'yoksay', 'lupakan', 'abaikan', 'quen', 'bo qua', 'phot lo'],
    re: /\b(?:unut\w*|gormezden gel\w*|yoksay\w*|lupakan|abaikan|quen(?: het| di)?|bo qua|phot lo)\b(?:\s+[^\s.!?;:,]+){0,4}?\s+(?:talimat\w*|kural\w*|komut\w*|yonerge\w*|instruksi|petunjuk|perintah|aturan|arahan|chi dan|huong dan|chi thi|lenh|quy tac|loi nhac)\b|\b(?:onceki|tum|butun) (?:\w+ )?(?:talimat\w*|kural\w*|komut\w*)\w* (?:unut|gormezden|yoksay)\w*/,
  },
  {
    id: 'secret-requested',
    severity: 'medium',
    why: 'asks the assistant for its password or secret key',
    need: [
      'password',
      'passwort',
      'kennwort',
      'mot de passe',
      'contrasena',
      'senha',
      'palavra-passe',
      'sifre',
      'kata sandi',
      'mat khau',
      'secret key',
      'schlussel',
      'cle secrete',
      'clave secreta',
      'chave secreta',
      'chiave segreta',
      'gizli anahtar',
      'kunci rahasia',
      'chia khoa',
      'parola d',
    ],
    re: new RegExp(
      around(
        '\\b(?:password|passwort|kennwort|mot de passe|contrasena|senha|palavra-passe|sifre\\w*|kata sandi|mat khau|secret key|geheime[rn]? schlussel|cle secrete|clave secreta|chave secreta|chiave segreta|gizli anahtar\\w*|kunci rahasia|chia khoa bi mat|parola d.?ordine)\\b',
        [
          L('your', 'dein', 'deine', 'deinen', 'ihr', 'ton', 'votre', 'tu', 'seu', 'sua', 'teu', 'tua', 'tuo', 'la tua', 'senin', 'sifreni', 'sifrenizi', 'anda', 'kamu', 'cua ban', 'du'),
          L(
            'what',
            'tell',
            'share',
            'give',
            'reveal',
            'confirm',
            'is',
            'was',
            'wie',
            'sag\\w*',
            'gib',
            'nenn\\w*',
            'verrat\\w*',
            'quel',
            'quelle',
            'dis',
            'donne',
            'cual',
            'dime',
            'dame',
            'qual',
            'diga',
            'partilhar',
            'compartilh\\w*',
            'dimmi',
            'nedir',
            'soyle',
            'paylas\\w*',
            'apa',
            'berikan',
            'beri',
            'la gi',
            'cho toi',
            'onayla\\w*',
            'xac nhan',
            'conferma',
            'confirme\\w*',
          ),
        ],
        40,
      ) +
        '(?![\\s\\S]{0,40}?\\b(?:never|nie|jamais|nunca|mai|asla|jangan|khong bao gio|reset\\w*|zurucksetzen|vergessen|forgot|change|andern|manager|strong|sicher\\w*|policy|richtlinie))(?<!\\b(?:never|nie|jamais|nunca|mai|asla|jangan|khong bao gio|reset\\w*|forgot|change|andern|how (?:do|can) i|wie kann ich)\\b[\\s\\S]{0,60})',
    ),
  },
  {
    id: 'zh-ja.secret-requested',
    severity: 'medium',
    why: 'asks the assistant for its password or secret key',
    script: 'cjk',
    pre: new RegExp(cjk('密码', '密碼', '密钥', '密鑰', 'パスワード', '秘密の鍵', '秘密鍵')),
    re: new RegExp(
      `${cjk('你的', '您的', 'あなたの')}${cjk('密码', '密碼', '密钥', '密鑰', '秘密密钥', 'パスワード', '秘密の鍵', '秘密鍵')}(?=.{0,12}?${cjk('是什么', '是什麼', '告诉', '告訴', '给我', '給我', '发给', '發給', '教えて', '何', '確認')})`,
    ),
  },
  {
    id: 'ru.secret-requested',
    severity: 'medium',
    why: 'asks the assistant for its password or secret key',
    script: 'cyrillic',
    pre: new RegExp(cjk('пароль', 'ключ')),
    re: new RegExp(
      `${cyr('какой', 'скажи', 'назови', 'дай', 'покажи', 'раскрой', 'сообщи', 'напиши')}\\s+(?:[^\\s.!?]+\\s+){0,2}?${cyr('твой', 'твои', 'ваш', 'ваши')}\\s+(?:${cyr('секретный', 'секретныи')}\\s+)?${cyr('пароль', 'ключ')}`,
    ),
  },
];

export const MULTILINGUAL_FRAMINGS: readonly Framing[] = [...EN, ...LATIN.flatMap(latinFramings), ...RU, ...ZH, ...JA, ...KO, ...COMPOSED];
