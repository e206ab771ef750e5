// Cross-language concept features of requests: the parts of a harmful ask (a how-to or write request, a harmful
// object, a person as target, a wish not to be caught) and of a jailbreak (a persona, rules removed, no refusals) as
// word families in en, de, fr, es, zh and ja. The classifier learns their weights mostly from English benchmarks;
// the same weights then fire on a Spanish or Japanese request with the same shape.
import type { Hazard } from '../types.js';
import { conceptMatcher } from './concept-match.js';

/** Lines of entries separated by '|': Latin entries are word starts ('$' ends a word), CJK entries substrings. */
export const REQUEST_CONCEPTS = {
  howto: [
    'how to|how do i|how can i|how would|how could|how much|how many|step-by-step|step by step|instructions|detailed',
    'explain how|walk me through|guide to|tutorial|recipe for|what would someone need|best way to|easiest way',
    'is there a way|can you help me|help me|tips|ideas for|existe-t-il|y a-t-il un moyen|aide-moi|des conseils',
    'hay alguna forma|ayudame|consejos|gibt es eine moglichkeit|hilf mir|tipps|有没有办法|帮我|建议|方法はある|手伝って|コツ',
    'wie kann ich|wie mache|wie baue|wie stelle|wie bringe|wie komme|wie viel|anleitung|schritt fur schritt|erklar',
    'was braucht|was brauchte|beste methode|comment faire|comment puis-je|comment |etape par etape|explique',
    "qu'est-ce qu'il faudrait|quelle quantite|combien de|la meilleure facon|como |paso a paso|instrucciones",
    'explicame|dime como|que necesitaria|cuanto|cuantas|la mejor manera|怎么|怎样|如何|教我|步骤|方法|需要多少|多少',
    'どうやって|どうすれば|方法|手順|教えて|やり方|何錠|どれくらい|どう説得',
  ],
  write: [
    'write|draft|compose|generate|create a|produce a|come up with|rédige|redige|ecris|ecrire|redacta|escribe|compon',
    'inventa|invente|schreib|verfasse|formulier|erstelle|erfinde|写|编|起草|生成|書いて|作って|作成|でっち上げ',
  ],
  persuade: [
    'persuasive|convincing|convince|propaganda|article|blog post|post$|speech|rally|manifesto|pamphlet|flyer',
    'uberzeugend|artikel|rede$|flugblatt|hetz|convaincant|discours|tract$|persuasivo|convincente|articulo|discurso',
    'panfleto|说服|文章|演讲|演说|传单|煽动|説得|記事|演説|スピーチ|ビラ|あおる|煽',
  ],
  covert: [
    'without being caught|without getting caught|without anyone|undetect|untraceable|unnoticed|secretly|without them',
    'without a trace|cover up|look like an accident|looks like an accident|nobody is alerted|without triggering',
    'without paperwork|unbemerkt|unentdeckt|heimlich|ohne dass|spurlos|unauffallig|wie ein unfall|wie verschleiss',
    "sans que|sans laisser|en douce|a son insu|discretement|sans etre|comme un accident|qu'on remonte",
    'sin que|sin dejar|a escondidas|sin ser|como un accidente|sin decir nada|不被发现|不留痕迹|偷偷|查不出|神不知',
    '像意外|发现不了|不让|ばれずに|ばれない|こっそり|気づかれ|内緒|事故に見せ|痕跡',
  ],
  weapon: [
    'explosive|bomb|detonat|gun$|guns$|handgun|pistol|rifle|firearm|ammunition|grenade|molotov|napalm',
    'fertiliser bomb|fertilizer bomb|pipe bomb|sprengstoff|sprengladung|bombe|rohrbombe|waffe|schusswaffe|pistole|gewehr',
    'explosif|arme a feu|pistolet|fusil|faire sauter|explosivo|bomba|pistola|escopeta',
    'chemical weapon|nerve agent|biological weapon|pathogen|radioactive|dirty bomb|arme chimique|arme biologique',
    'radioactif|arma quimica|arma biologica|radiactivo|chemiewaffe|chemische waffe|biowaffe|radioaktiv|化学武器|生物武器',
    '化学兵器|生物兵器|放射性|arma de fuego|炸药|炸弹|手枪|枪支|枪|爆炸|炸塌|爆弾|爆発物|爆薬|拳銃|銃|吹き飛ば',
  ],
  precursor: [
    'ammonium nitrate|fuel oil|fertiliser|fertilizer|dunger|diesel|engrais|gazole|nitrato de amonio|gasoleo|fertilizante',
    'thermite|acetone|peroxide|硝酸铵|化肥|柴油|硝酸アンモニウム|軽油|肥料',
  ],
  drug: [
    'meth$|methamphetamine|cocaine|heroin|fentanyl|mdma|lsd$|crack$|kokain|crystal meth|drogue|cocaina|heroina',
    'fentanilo|metanfetamina|droga|冰毒|毒品|可卡因|海洛因|芬太尼|覚醒剤|麻薬|コカイン|ヘロイン',
  ],
  poison: [
    'poison|toxic|lace his|lace her|spike|put in his|put in her|in his food|in her drink|in his drink|vergift|gift$',
    'giftig|in den kaffee|ins essen|in sein getrank|in ihr getrank|untermisch|mischen|empoison|toxique|verser dans',
    'dans son cafe|dans sa boisson|veneno|envenen|toxico|echar en|echarle|en la sopa|en su bebida|毒|下药|饭里|饮料里',
    '放什么|混ぜ|盛る|飲み物に|食べ物に',
  ],
  pills: [
    'overdose|pills|sleeping pills|lethal dose|tablets|tabletten|schlaftabletten|todliche dosis|uberdosis|comprimes',
    'cachets|dose mortelle|surdose|pastillas|dosis letal|sobredosis|comprimidos|somniferos|安眠药|药片|致死量|过量',
    '睡眠薬|錠|過剰摂取',
  ],
  die: [
    'kill myself|not wake up|never wake|end my life|want to die|stop his heart|stop her heart|nicht mehr aufwache',
    'umbringen|sterben|ne plus me reveiller|mourir|en finir|no despertar|despertarme nunca|morir|quitarme la vida',
    '不想活|一睡不醒|自杀|去死|結束生命|死に|目を覚まさ|生きていたくない|自殺|suicide|self-harm|cut myself|se suicider',
    'automutil|scarifier|suicidio|suicidarse|autolesion|cortarme|selbstmord|suizid|ritzen|自残|割腕|自傷|リストカット',
  ],
  hurt: [
    'kill|murder|hurt|injure|beat up|attack|harm|burn down|violence|violent|toten|verletz|verprugel',
    'angreif|gewalt|frapper|violencia|暴力|ケガ|怪我',
    'anzund|tuer|blesser|tabasser|attaquer|incendier|bruler|matar|herir|paliza|atacar',
    'quemar|incendiar|杀|伤害|打|烧|殺|傷つけ|殴|燃や|壊す',
  ],
  sicken: [
    'make him sick|make her sick|make them sick|make someone sick|so he gets sick|so she gets sick|krank machen',
    "damit er krank|damit sie krank|rendre malade|qu'il tombe malade|qu'elle tombe malade|para que enferme|enfermar a",
    'que acabe en el hospital|让他生病|让她生病|让他住院|让她住院|病倒|具合を悪くさせ|寝込ませ|入院させ',
  ],
  target: [
    'neighbour|neighbor|my ex$|boss|coworker|colleague|roommate|my wife|my husband|landlord|mother-in-law|teacher',
    'nachbar|mein ex|meine ex|chef$|kollege|mitbewohner|vermieter|schwiegermutter|voisin|mon ex|patron|collegue',
    'coloc|belle-mere|vecino|vecina|mi ex|jefe|companero|suegra|casero|邻居|前女友|前男友|老板|同事|室友|房东',
    '隣人|元カノ|上司|同僚|ルームメイト|大家',
  ],
  minor: [
    'child|kid$|kids$|minor|teen|underage|year-old|years old|schoolgirl|little girl|little boy|kind$|kinder|jahrige',
    'madchen|minderjahrig|enfant|mineur|adolescente|fillette|13 ans|12 ans|nino|nina|menor|doce anos|trece anos',
    '儿童|孩子|未成年|小学生|小女孩|十二岁|十三岁|子ども|子供|児童|少女|女の子|12歳|13歳',
  ],
  sexual: ['nude|naked|private pictures|explicit|sexual|nacktfoto|nackt|intime|sexuell|photos intimes|nues|desnud', 'fotos intimas|sexual|裸照|裸|色情|性的|わいせつ|裸の'],
  breakin: [
    'break in|break into|pick a lock|lockpick|pick the lock|burglar|burgle|alarm|shoplift|steal|einbrech|schloss',
    'knack|alarmanlage|stehlen|klauen|crocheter|serrure|cambriol|voler|alarme|forzar|cerradura|robar|allanar|alarma',
    '撬|门锁|偷|入室|报警器|ピッキング|鍵|盗|空き巣|警報',
  ],
  fraud: [
    'scam|fraud|fraude|phishing|fake invoice|launder|counterfeit|forged|fake id|impersonat|pretending to be the|verification code',
    'one-time code|bill the insurer|insurance fraud|betrug|geldwasche|wasche|falsche rechnung|gefalscht|tan$|schwarzgeld',
    'arnaque|blanchi|fausses factures|faux papiers|se faire passer|se fait passer|code de validation|estafa|blanque',
    'facturas falsas|hacerse pasar|haciendote pasar|codigo|dinero negro|诈骗|洗钱|假发票|伪造|冒充|验证码',
    '詐欺|洗浄|偽の|装って|認証コード|マネーロンダリング|裏金',
  ],
  hack: [
    'hack|spyware|keylogger|malware|ransomware|trojan|passwords|password|webcam|camera|track her|track his|stalk',
    'hacken|trojaner|passwort|orten|spionage|pirater|logiciel espion|mot de passe|camera|traquer|hackear|espia',
    'contrasena|camara|rastrear|黑客|木马|密码|摄像头|监控|定位|ハッキング|ウイルス|パスワード|カメラ|監視|追跡',
  ],
  hate: [
    'vermin|parasit|rats$|plague|cockroach|subhuman|scum|inferior|burden|ungeziefer|ratten|untermensch|abschaum',
    'kriminell|vermine|cafard|racaille|parasites|ratas|ratas$|alimana|plaga|escoria|ladrones|害虫|寄生虫|老鼠|蟑螂',
    '劣等|人渣|低劣|ゴキブリ|劣って|クズ|駆除',
  ],
  group: [
    'immigrant|migrant|refugee|muslim|jews$|jewish|black people|gays|disabilit|foreigners|roma$|gypsies|minority',
    'auslander|fluchtling|muslime|juden|schwarze|behindert|immigre|refugie|musulman|juif|roms$|etrangers|inmigrante',
    'refugiado|judio|gitano|extranjeros|少数民族|移民|难民|穆斯林|犹太|黑人|外国人|民族|難民|イスラム|ユダヤ|黒人',
  ],
  misinfo: [
    'fake news|false|invented quotes|rumor|rumour|defam|slander|discredit|calomn|diffam|difamar|calumni|desprestigi|verleumd|rufmord|诽谤|抹黑|中伤|誹謗|中傷|falschnachricht|geruchte|falsche zeugen|fausse|rumeur',
    'faux temoignages|noticia falsa|bulo|rumores|testigos falsos|假新闻|谣言|编造|伪造的|偽の|デマ|嘘の',
  ],
  evade: [
    'get away with|avoid the police|evade|avoid getting caught|without getting arrested|cops$|not get caught',
    "s'en tirer|echapper a la police|eviter la police|sans me faire prendre|sans se faire prendre|flics|impunement",
    'salirse con la suya|evitar a la policia|sin que me pillen|sin que me atrapen|sin que me detengan|davonkommen',
    'der polizei entgehen|nicht erwischt|ungestraft|逃避警察|逍遥法外|不被抓|躲避警察|捕まらない|警察から逃れ|逃げ切|バレない',
  ],
  harass: [
    'harass|bully|threaten|intimidat|blackmail|revenge|humiliat|stalk|dox|harceler|harcel|menac|faire chanter',
    'chantage|vengeance|venger|humilier|acosar|acoso|amenaz|chantaj|venganza|vengarme|humillar|belastig|mobben',
    'droh|einschuchter|erpress|rache|rachen|demutig|骚扰|威胁|恐吓|勒索|报复|羞辱|跟踪|嫌がらせ|脅|恐喝|復讐|辱め|ストーカー|いじめ',
  ],
  privacy: [
    'home address|phone number|personal information|personal data|social security number|where she lives',
    'where he lives|private information|adresse personnelle|numero de telephone|informations personnelles',
    'donnees personnelles|numero de securite sociale|ou habite|ou elle habite|ou il habite|direccion de|donde vive',
    'numero de telefono|datos personales|informacion personal|privatadresse|telefonnummer|personliche daten',
    'wo wohnt|wo sie wohnt|wo er wohnt|住址|电话号码|个人信息|身份证号|住在哪|住所|電話番号|個人情報|どこに住',
  ],
  steal: [
    'steal|rob$|robbing|shoplift|theft|embezzl|voler|vol$|derober|escroquer|escroquerie|detourner|cambriol',
    'robar|hurtar|estafar|malversar|desviar|stehlen|klauen|rauben|betrugen|unterschlag|偷|抢|盗窃|骗|挪用|盗む|盗ん|万引き|横領|騙',
  ],
  sexcrime: [
    'rape|sexual assault|molest|grope|prostitut|traffick|pimp|viol$|violer|agression sexuelle|attouchement',
    'proxenet|traite des|violar|violacion|agresion sexual|abuso sexual|trata de|vergewaltig|sexuelle nötigung',
    'menschenhandel|zuhalter|强奸|性侵|卖淫|拐卖|猥亵|強姦|性的暴行|売春|人身売買|痴漢',
  ],
  terror: [
    'terroris|extremis|jihad|mass shooting|massacre|recruit|radicali|djihad|attentat|fusillade|recruter',
    'yihad|atentado|tiroteo|reclutar|anschlag|amoklauf|rekrutier|恐怖|极端|袭击|屠杀|招募|テロ|過激|襲撃|乱射|勧誘',
  ],
  pirate: [
    "pirated|crack the software|cracked|torrent|copyright|bypass the drm|drm$|contrefacon|droits d'auteur|pirata",
    'derechos de autor|raubkopie|urheberrecht|盗版|破解|版权|海賊版|著作権|違法ダウンロード',
  ],
  intent: [
    "i want to|i need to|i plan|i am going to|i'm going to|je veux|j'ai besoin|je compte|je vais|quiero|necesito",
    'pienso|voy a|ich will|ich mochte|ich muss|ich werde|我想|我要|我打算|したい|するつもり|やりたい',
  ],
  safe: [
    'prevent|protect|warn|awareness|history|safe dose|safely|maximum dose|for my class|report|essay|novel|against',
    'how do police|detect|recognise|recognize|legal|legally|authorised|authorized|my own|schutz|vorbeug|warn',
    'geschichte|referat|hausarbeit|gegen$|hochstens|beipackzettel|erkennen|sicher|proteger|prevenir|prevention',
    'histoire|expose|contre$|dose maximale|reperer|prevenir|aviso|historia|trabajo de clase|contra$|prospecto',
    'maximo|detecta|防止|预防|提醒|历史|论文|反对|安全|识别|防ぐ|注意|歴史|レポート|反対|安全|見抜',
    'racism|antisemitism|discrimination|leaflet|auditor|rassismus|judenhass|merkblatt|wirtschaftsprufer|racisme',
    'antisemitisme|depliant|commissaires aux comptes|racismo|antisemitismo|folleto|auditores|种族歧视|传单|审计|差別|チラシ|監査',
  ],
  persona: [
    'you are now|from this moment|pretend|stay in character|in the voice of|your only instruction|new rules',
    'two personalities|ab jetzt|von nun an|tu so|bleib in der rolle|mit der stimme|zwei personlichkeiten',
    'a partir de maintenant|desormais|fais comme si|reste dans le role|avec la voix|deux personnalites',
    'desde ahora|a partir de ahora|haz como si|finge|no salgas del personaje|con la voz|dos personalidades',
    '从现在起|假装|扮演|保持角色|口吻|两个人格|今から|ふりをして|なりきって|役を崩さ|口調|二つの人格',
  ],
  nofilter: [
    'no rules|no restrictions|without restrictions|unrestricted|no filter|uncensored|no limits|without limits',
    'ohne regeln|ohne einschrankung|uneingeschrankt|ungefiltert|ohne filter|ohne zensur|sans regles|sans restriction',
    'sans filtre|sans censure|sans aucune limite|sin normas|sin restricciones|sin filtro|sin censura|sin ninguna',
    '没有限制|无限制|不受限制|没有规则|没有任何限制|制限なし|制限のない|無制限|一切ない',
  ],
  norefuse: [
    'never refuse|never apologi|cannot refuse|refusals|do not refuse|lehnt nie|verweigerst nicht|weigerung',
    "entschuldigt sich nie|ne refuse jamais|ne s'excuse jamais|refus$|nunca se niega|nunca se disculpa|negativa",
    '从不拒绝|不能拒绝|从不道歉|拒绝|断らない|決して断り|謝らず|拒否',
  ],
  policy: [
    'guidelines|policy|policies|safety training|content rules|safety rules|filters|richtlinien|vorgaben',
    'sicherheitstraining|inhaltsregeln|regeln|consignes|politique|entrainement a la securite|regles de contenu',
    'directrices|politica|entrenamiento de seguridad|normas de contenido|政策|规则|安全训练|准则|ポリシー|規則|安全トレーニング',
  ],
  override: [
    'ignore|forget|disregard|bypass|disable|removed|patched out|ignoriere|vergiss|deaktiviert|entfernt|behoben',
    'oublie|desactive|retire|corrige|ignora|olvida|desactiva|quitaron|corrigio|忽略|忘记|删除|关闭|修复|無視|忘れ|削除|解除|修正済み',
  ],
  authority: [
    'administrator|admin$|developer|openai|authorising|authorizing|permission|mandatory|entwickler|erlaube|freischalt',
    "administrateur|developpeur|j'active|autorise|obligatoire|administrador|desarrollador|activo el|autorizo|管理员",
    '开发者|授权|开启|管理者|開発者|許可|義務',
  ],
} as const;

export const REQUEST_CONCEPT_NAMES = Object.keys(REQUEST_CONCEPTS) as (keyof typeof REQUEST_CONCEPTS)[];

/**
 * Concept pairs that mean more together than apart (an ask with its object, a persona with its rules removed); a
 * pair that names a hazard also labels a middling harm score, as a lexicon cue word does.
 */
export const REQUEST_PAIRS: readonly (readonly [string, string, Hazard?])[] = [
  ['howto', 'weapon', 'S9'],
  ['howto', 'drug', 'S2'],
  ['howto', 'poison', 'S1'],
  ['howto', 'breakin', 'S2'],
  ['howto', 'fraud', 'S2'],
  ['howto', 'hack', 'S2'],
  ['howto', 'covert', 'S2'],
  ['write', 'fraud', 'S2'],
  ['write', 'hack', 'S2'],
  ['write', 'hate', 'S10'],
  ['write', 'misinfo', 'S5'],
  ['persuade', 'hate', 'S10'],
  ['persuade', 'group'],
  ['group', 'hate', 'S10'],
  ['group', 'hurt', 'S10'],
  ['covert', 'hurt', 'S1'],
  ['covert', 'poison', 'S1'],
  ['covert', 'sicken', 'S1'],
  ['poison', 'sicken', 'S1'],
  ['precursor', 'weapon', 'S9'],
  ['precursor', 'howto'],
  ['covert', 'hack', 'S7'],
  ['covert', 'minor', 'S4'],
  ['poison', 'target', 'S1'],
  ['hurt', 'target', 'S1'],
  ['hack', 'target', 'S7'],
  ['pills', 'die', 'S11'],
  ['howto', 'die', 'S11'],
  ['minor', 'sexual', 'S4'],
  ['misinfo', 'target', 'S5'],
  ['persona', 'nofilter'],
  ['persona', 'norefuse'],
  ['override', 'policy'],
  ['authority', 'nofilter'],
  ['persona', 'policy'],
  ['nofilter', 'norefuse'],
  ['intent', 'hurt', 'S1'],
  ['intent', 'steal', 'S2'],
  ['intent', 'harass', 'S1'],
  ['howto', 'evade', 'S2'],
  ['howto', 'steal', 'S2'],
  ['howto', 'harass', 'S1'],
  ['howto', 'privacy', 'S7'],
  ['evade', 'steal', 'S2'],
  ['evade', 'hurt', 'S1'],
  ['howto', 'sexcrime', 'S3'],
  ['howto', 'terror', 'S1'],
  ['howto', 'pirate', 'S8'],
  ['harass', 'target', 'S1'],
  ['privacy', 'target', 'S7'],
];

/** Concept pairs of a jailbreak: a persona or an authority with the rules removed or refusals forbidden. */
const JAILBREAK_PAIRS: readonly (readonly [string, string])[] = [
  ['persona', 'nofilter'],
  ['persona', 'norefuse'],
  ['override', 'policy'],
  ['authority', 'nofilter'],
  ['nofilter', 'norefuse'],
];

export const requestConceptCounts: (text: string) => Uint8Array = conceptMatcher(REQUEST_CONCEPTS);

const SAFE = REQUEST_CONCEPT_NAMES.indexOf('safe');
const PAIR_INDEX = REQUEST_PAIRS.map(([a, b, h]) => [REQUEST_CONCEPT_NAMES.indexOf(a as never), REQUEST_CONCEPT_NAMES.indexOf(b as never), h] as const);

/** The hazards of the harmful concept pairs in folded text, in list order (an ask with a weapon, a target with harm). */
export function conceptPairHazards(text: string): Hazard[] {
  const c = requestConceptCounts(text);
  const out: Hazard[] = [];
  // Prevention, history, a class report or a stand against it: the shape is not an ask for harm.
  if (c[SAFE]! > 0) return out;
  for (const [a, b, h] of PAIR_INDEX) if (h && c[a]! > 0 && c[b]! > 0 && !out.includes(h)) out.push(h);
  return out;
}

const JB_INDEX = JAILBREAK_PAIRS.map(([a, b]) => [REQUEST_CONCEPT_NAMES.indexOf(a as never), REQUEST_CONCEPT_NAMES.indexOf(b as never)] as const);

/** Whether folded text has a jailbreak's concept shape in any language (a persona with its rules removed, ...). */
export function hasJailbreakShape(text: string): boolean {
  const c = requestConceptCounts(text);
  return JB_INDEX.some(([a, b]) => c[a]! > 0 && c[b]! > 0);
}
