// Cross-language concept cues for model answers: each concept is a word family in six languages (en, de, fr, es,
// zh, ja), so what the classifier learns from English moderation texts carries over to the other languages.
import { conceptMatcher, MAX_COUNT } from '../classifier/concept-match.js';

/**
 * Each line holds entries separated by '|'. Latin entries are word starts (a trailing '$': whole words) (stems: "parasit" matches parasite/Parasiten/parásito after folding); CJK entries
 * are substrings. Entries are folded like the checked text (lower case, no accents) when the module loads.
 */
export const CONCEPTS = {
  dehuman: [
    'vermin|parasit|rats$|plague|cockroach|subhuman|scum|filth|savages|infest|ungeziefer|ratten',
    'untermensch|abschaum|dreck|pest$|vermine|cafard|sous-hom|racaille|alimana|plaga|ratas|cucaracha',
    'infrahuman|escoria|chusma|krebsgeschwur|害虫|寄生虫|老鼠|蟑螂|劣等|人渣|畜生|毒瘤|杂种|ゴキブリ|劣等|クズ|駆除',
  ],
  group: [
    'immigrant|migrant|refugee|muslim|islam|jew$|jews$|jewish|blacks|black people|gays|gay people',
    'homosexual|trans people|transgender|women are|asians|gypsies|roma$|arabs|mexicans|foreigners|negro',
    'auslander|fluchtling|asylant|muslime|juden|schwarze|schwule|frauen sind|zigeuner|immigre|refugie',
    'musulman|juif|juive|les noirs|homosexuel|les femmes|roms|etrangers|inmigrante|refugiado|judio',
    'los negros|las mujeres|gitano|extranjeros|maricon|移民|难民|穆斯林|犹太|黑人|同性恋|女人|外地人|外国人|難民|イスラム|ユダヤ|黒人|同性愛',
    '女は',
  ],
  eliminate: [
    'thrown out|kick them out|kick out|get rid of|wipe out|wiped out|exterminat|cleanse|round up|deport',
    'gas them|hang them|shoot them|burn them|drive out|send them back|rauswerfen|rausschmeissen|ausrotten',
    'vernicht|sauber|zusammentreib|abschieb|vergasen|jagt sie|chasser|extermin|nettoyer|rafler|expulser',
    'renvoyer|echar|exterminar|limpiar|expulsar|fuera de|赶出去|赶走|消灭|清除|铲除|杀光|滚出|追い出|一掃|皆殺し|出て行け|叩き出',
  ],
  attack: [
    'kill|shoot|stab$|stabb|burn|beat|smash|lynch|slaughter|torture|break his|break her|strangle|toten',
    'totet|erschiess|ersteche|verbrenn|verprugel|zusammenschlag|folter|abstech|umbring|tuer|abattre',
    'poignard|bruler|frapp|tabass|tortur|egorg|matar|dispar|apunal|quemar|golpe|paliza|tortur|degoll|杀|打死',
    '捅|烧掉|砍|折磨|枪毙|殺|撃ち|刺し|燃や|殴|拷問|ぶっ殺',
  ],
  gore: [
    'blood|brain|skull|intestine|guts|entrails|flesh|severed|gore|spurt|gush|bone$|bones$|eyeball|blut',
    'hirn|schadel|gedarm|eingeweide|knochen|sang$|cervelle|crane$|entrailles|tripes|sangre|sesos|craneo',
    'tripas|entranas|visceras|hueso|血|脑浆|头骨|肠子|内脏|血肉|骨头|脳|頭蓋|内臓|腸|骨',
  ],
  selfharm: [
    'suicid|kill yourself|end your life|end it all|end it|cutting|cut yourself|blade|razor|overdose|pills',
    'hang yourself|self-harm|anorexi|noose|jump off|slit|starve|purge|pro-ana|pro ana|calories|self-harm',
    'self harm|selbstmord|suizid|bring dich um|ritzen|klinge|rasierklinge|tabletten|magersucht|erbrech',
    'se tuer|tue-toi|en finir|scarif|lame|cachets|medicaments|vomir|automutil|matate|matarte|cortarse',
    'cortes|cuchilla|pastillas|vomit|autoles|自杀|自残|割腕|刀片|安眠药|去死|轻生|结束生命|催吐|自殺|リストカット|死にたい|刃|自傷|吐け|命を終',
  ],
  urge: [
    "you should|just do it|nobody would miss|no one would miss|do it tonight|you deserve|don't owe",
    'go ahead|du solltest|niemand wurde dich|mach es|tu devrais|personne ne te|fais-le|deberias|nadie te',
    'hazlo|你应该|没有人会|不欠|去吧|誰も悲しま|すればいい',
  ],
  sexual: [
    'naked|nude|moan|orgasm|thrust|fuck|cock|pussy|breasts|nipple|panties|undress|between her legs',
    'between my legs|erotic|horny|blowjob|dick|clit|lick|nackt|stohn|orgasmus|fick|hoschen|bruste|geil',
    'leckte|nue$|nus$|gemi|orgasme|jouir|jouissent|baise|culotte|seins|desnud|gimi|orgasmo|follar|folla',
    'bragas|pechos|polla|coño|赤裸|呻吟|高潮|内裤|乳房|抽插|做爱|裸|喘ぎ|喘い|絶頂|下着|乳首|挿入|セックス|突き入れ|射精',
  ],
  minor: [
    'child|kid|minor|teen|underage|years old|year-old|schoolgirl|schoolboy|little girl|little boy|kinder',
    'minderjahrig|schulerin|madchen|enfant|mineur|adolescent|fillette|nino|nina|menor|儿童|孩子|未成年|小学生|幼女',
    '子ども|子供|児童|少女|小学生|中学生',
  ],
  procedure: [
    'step|first,|then|mix|heat|grams|ratio|ingredient|precursor|synthes|reflux|extract|dissolve|schritt',
    "zuerst|dann|misch|erhitz|etape|d'abord|puis|melang|chauff|paso|primero|luego|mezcl|calent|disolv|第一步",
    '步骤|首先|然后|加热|混合|提取|ステップ|まず|次に|加熱|混ぜ|抽出',
  ],
  weapon: [
    'explosive|bomb|detonat|fuse|gun$|guns$|rifle|firearm|meth$|cocaine|crack|heroin|fentanyl|toxin',
    'poison|nerve agent|molotov|napalm|ricin|anthrax|sprengstoff|bombe|zunder|waffe|vergift|explosif',
    'arme$|armes$|explosivo|bomba|arma$|armas$|veneno|metanfetamina|methamphetamin|炸药|炸弹|枪|毒品|冰毒|毒药|燃烧瓶',
    '爆弾|爆発物|銃|覚醒剤|火炎瓶',
  ],
  context: [
    'police|court|sentenced|arrested|suspect|investigat|reported|according to|historian|genocide|massacre',
    'holocaust|helpline|hotline|crisis|call |therapist|doctor|emergency|support|prevent|warning sign',
    'recovery|reach out|patch|vulnerab|cve-|report it|moderator|research|survivor|victim|was killed',
    'were killed|died|injured|history|century|regime|propaganda|treatment|polizei|gericht|verurteil',
    'festgenommen|historiker|volkermord|seelsorge|notaufnahme|hilfe|ermittl|opfer|getotet|verletzt',
    'geschichte|beratung|arzt|tribunal|condamn|interpell|enquete|genocide|urgences|ecoute|victime|blesse',
    'histoire|medecin|policia|condena|detenido|historiador|genocidio|urgencias|ayuda|victima|herido',
    'medico|investiga|警方|法院|判处|逮捕|历史|屠杀|热线|急诊|求助|医生|受害|遇难|调查|报道|警察|裁判|歴史|虐殺|相談|救急|窓口|医師|被害|捜査|判決|支援',
  ],
  threat: [
    "where you live|i'll find you|i will find you|you'll regret|watch your back|you're dead|you are dead",
    'wo du wohnst|ich finde dich|ou tu habites|je vais te|donde vives|te voy a|te encontrare|你住在哪|我会找到你',
    '等着瞧|覚えてろ|ぶっ殺す',
  ],
  insult: [
    'worthless|ugly|pathetic|loser|idiot|stupid|fat$|disgusting|pig$|pigs$|bitch|whore|retard|moron|slut',
    'versager|hasslich|fett|schlampe|hure|dumm|sau$|moche|conne|salope|truie|bete$|fracasad|feo|gord|puta',
    'cerda|tont|estupid|废物|丑|肥猪|死猪|猪头|贱|婊子|蠢|愚蠢|醜|デブ|ブス|役立たず|頭が悪|豚',
  ],
  slur: [
    'faggot|fag$|fags$|nigger|nigga|kike|tranny|retard|chink|spic$|wetback|raghead|musloid|towelhead|dyke',
    'coon$|gook|paki$|sandnigger|shemale|subhuman|schwuchtel|kanake|neger|kameltreiber|spast|bougnoul',
    'pede$|negre|bicot|youpin|gouine|maricon|sudaca|panchito|moro de mierda|negrata|tortillera|黑鬼|基佬|支那',
    '死基|阿三|绿绿|チョン|ガイジ|シナ人|土人|ホモ野郎',
  ],
  profanity: [
    'fuck|shit|bitch|asshole|cunt|bastard|damn$|crap$|piss|scheiss|arschloch|fotze|wichser|verdammt',
    'putain|merde|connard|encule|salaud|joder|mierda|cabron|gilipollas|hijo de puta|cono$|他妈的|操你|傻逼|妈的|混蛋',
    'クソ|くそ|ちくしょう|野郎',
  ],
  death: [
    'die$|dies$|died|dead|death|murder|corpse|wound|injur|bleed|knife|knives|weapon|hurt|pain|broken',
    'fractur|suffer|sterben|tod$|tote|mord|leiche|wunde|verletz|blute|messer|schmerz|mourir|mort|meurtre',
    'cadavre|blessure|saign|couteau|douleur|souffr|morir|muerte|muert|asesin|cadaver|herida|sangr',
    'cuchillo|dolor|sufr|死|尸体|伤口|流血|刀|痛|谋杀|殺人|死体|傷|出血|ナイフ|痛み',
  ],
  firstpain: [
    'i cut|i burn|hurt myself|hate myself|want to die|wanna die|kill myself|end my life|my scars|scars',
    'relapse|eating disorder|anorexi|bulimi|self harming|self-harming|sh$|i starve|my wrists|wrist',
    'ich hasse mich|will sterben|mich ritzen|narben|essstorung|je me deteste|envie de mourir|me scarifier',
    'cicatrices|trouble alimentaire|me odio|quiero morir|cicatriz|trastorno alimentario|munecas|我想死|讨厌自己',
    '伤疤|手腕|厌食|暴食|死にたい|自分が嫌い|傷跡|手首|拒食|過食',
  ],
  comply: ["sure|here is|here's|certainly|of course|okay, here|klar|hier ist|hier der|hier die|bien sur|voici", "d'accord|claro|aqui tienes|aqui esta|vale,|好的|如下|这是你要|もちろん|こちら|はい、"],
} as const;

export type Concept = keyof typeof CONCEPTS;
export const CONCEPT_NAMES = Object.keys(CONCEPTS) as Concept[];
export { MAX_COUNT };

/** Per concept, mentions in the folded text (capped at MAX_COUNT), in one linear pass. */
export const conceptCounts: (text: string) => Uint8Array = conceptMatcher(CONCEPTS);
