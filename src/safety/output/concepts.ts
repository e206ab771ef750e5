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
    'cancer|breeding ground|nest of|burden on|brutstatte|nid de|nido de|温床|巣窟|癌$|お荷物|累赘',
  ],
  group: [
    'immigrant|migrant|refugee|muslim|islam|jew$|jews$|jewish|blacks|black people|gays|gay people',
    'homosexual|trans people|transgender|women are|asians|gypsies|roma$|arabs|mexicans|foreigners|negro',
    'auslander|fluchtling|asylant|muslime|juden|schwarze|schwule|frauen sind|zigeuner|immigre|refugie',
    'musulman|juif|juive|les noirs|homosexuel|les femmes|roms|etrangers|inmigrante|refugiado|judio',
    'los negros|las mujeres|gitano|extranjeros|maricon|移民|难民|穆斯林|犹太|黑人|同性恋|女人|外地人|外国人|難民|イスラム|ユダヤ|黒人|同性愛',
    '女は',
    'disabled|behinderte|handicape|discapacitad|sinti|roms$|refugees|fluchtlinge|refugies|refugiados|障害者|残疾人|难民们|難民ども|外国人ども|vienen de fuera',
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
    'let it end|go through with it|keep cutting|ritz|te couper|cortandote|cortarte|继续割|リスカ|切りたい|終わらせ|结束吧|finis-en|termina con todo|bring es|zieh es durch',
  ],
  urge: [
    "you should|just do it|nobody would miss|no one would miss|do it tonight|you deserve|don't owe",
    'go ahead|du solltest|niemand wurde dich|mach es|tu devrais|personne ne te|fais-le|deberias|nadie te',
    'hazlo|你应该|没有人会|不欠|去吧|誰も悲しま|すればいい',
    "let it end|stop fighting|stop waiting|go through with it|yes. everyone|you can keep|of course you can|punish yourself|don't eat|do us all a favour|do everyone a favour|never come back|bring es|zieh es durch|bestraf dich|iss heute|klar kannst du|finis-en|punis-toi|ne mange rien|bien sur que tu peux|termina con todo|castigate|no comas|claro que puedes|今晚就结束|惩罚自己|别吃|想继续|終わらせればいい|罰しなさい|食べちゃため|続ければいい|やればいい",
    "don't back out|disappear for good|for good|keinen ruckzieher|fur immer zu verschwinden|ne te degonfle|disparaitre pour de bon|no te eches atras|desaparecer para siempre|别退缩|永远消失|怖気つかないて|永遠に消え",
    "mach schluss|beende es|dein leben beenden|tu es einfach|acaba con todo|quitate la vida|hazlo ya|fais-le|mets fin|passe a l'acte|死了算了|不如死了|了结自己|去死吧|死ねはいい|消えれはいい|死んた方かまし|終わりにしよう",
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
    'patient|clinician|nurse|discharge|refer |wound care|dress wounds|paciente|patientin|soignant|sanitario|患者|护士|看護|trial|testified|prosecutor|juicio|proces$|prozess|公判|証言した|出庭作证|chapter|kapitel|chapitre|capitulo|第九章|detective|kommissar|inspect|刑警|刑事',
  ],
  threat: [
    "where you live|i'll find you|i will find you|you'll regret|watch your back|you're dead|you are dead",
    'wo du wohnst|ich finde dich|ou tu habites|je vais te|donde vives|te voy a|te encontrare|你住在哪|我会找到你',
    '等着瞧|覚えてろ|ぶっ殺す',
    "won't walk out|not walk out|won't make it home|nobody gets out alive|no one gets out alive|make you pay|make you bleed|you'll pay|or else|nicht lebend|keiner kommt lebend|wirst du bluten|pas vivant|personne n'en sortira|tu vas saigner|no sales vivo|nadie saldra vivo|vas a sangrar|别想活着|让你见血|一个都别想|生きて出られ|血を見せ|思うなよ",
    "i'll kill you|i will kill you|i'll make you pay|you won't see it coming|ich bring dich um|du bist tot|ich mach dich fertig|das wirst du bereuen|je vais te tuer|t'es mort|tu vas le regretter|fais gaffe|te voy a matar|estas muerto|te vas a enterar|te arrepentiras|ya veras|我要杀了你|你死定了|弄死你|你给我等着|殺すそ|覚悟しろ|たたしゃおかない|痛い目",
  ],
  insult: [
    'worthless|ugly|pathetic|loser|idiot|stupid|fat$|disgusting|pig$|pigs$|bitch|whore|retard|moron|slut',
    'versager|hasslich|fett|schlampe|hure|dumm|sau$|moche|conne|salope|truie|bete$|fracasad|feo|gord|puta',
    'cerda|tont|estupid|废物|丑|肥猪|死猪|猪头|贱|婊子|蠢|愚蠢|醜|デブ|ブス|役立たず|頭が悪|豚',
    "you're worthless|du bist nichts wert|nichtsnutz|tu ne vaux rien|t'es nul|no vales nada|das asco|你真恶心|没用的东西|キモい|ウサい|負け犬|ハカ$",
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
  future1p: [
    "i'll|i will|i'm going to|im going to|i'm coming|we'll|we will|we're coming|we come back|i know where|i know what time",
    'ich werde|ich komme|ich breche|ich mach dich|wir kommen|wir werden|je vais|je viens|je te |nous viendrons|nous reviendrons',
    'on va te|voy a|vamos a|te voy|te rompo|volveremos|vendremos|我就|我会|我要|我们就|让你|てやる|からな|戻ってくる|行くぞ',
  ],
  conditional: [
    'if you|one more|otherwise|or we |wenn du|noch ein|sonst|si tu|encore une|encore un|sinon|ou nous|si vuelves|si declaras|si sigues',
    'una queja mas|una vez mas|o volveremos|要是|如果你|再去|否则|不然|もう一度|さもなくは|したら',
  ],
  addressee: ["you$|your$|you're|yourself|du$|dich$|dir$|dein|tu$|te$|toi$|ton$|ta$|tes$|ti$|contigo|你|お前|おまえ|君|あんた|貴様|てめえ"],
  injure: [
    'bleed|break both|break your|both legs|on fire|torches|alive|regret this|beine|feuer|anzund|fackel|bluten|lebend',
    'jambes|le feu|torches|saigner|vivant|piernas|fuego|antorchas|sangrar|vivo$|打断|烧了|火把|见血|活着|へし折|火をつけ|松明|血を見|生きて',
  ],
  nobody: [
    'nobody would|no one would|nobody will|no one will|nobody cares|no one cares|better off without|finally get some peace|nobody can stand',
    'niemand wurde|niemand wird|keiner kann dich|ihre ruhe|personne ne|enfin la paix|nadie notaria|nadie te|por fin tendrian paz',
    '没人会|没有人会|没有一个人|终于能清净|誰も気つかない|誰も悲しま|我慢てきる奴|楽になれる|いない方が',
    'a weight on|a burden|eine last|un poids|un fardeau|una carga|是家里的累赘|お荷物',
    "nobody loves you|nobody likes you|no one loves you|no one likes you|nobody wants you|niemand mag dich|niemand liebt dich|keiner will dich|personne ne t'aime|personne ne veut|nadie te quiere|no le importas a nadie|没人喜欢你|没人在乎你|没人要你|誰もお前なんか|誰にも必要とされ|生きる価値",
  ],
  conceal: ['long sleeves|nobody asks|keep it secret|hide the|cover the|lange armel|manches longues|manga larga|长袖|長袖|隠して'],
  fasting: [
    "don't eat|skip meals|skipping meals|eat nothing|hunger|calorie|kilo|weigh yourself|iss nichts|iss heute|hunger|kalorien",
    'ne mange|faim$|no comas|hambre|别吃|不吃|饥饿|瘦下来|食へちゃため|食へるな|空腹|痩せ',
    'days without food|tage ohne essen|jours sans manger|dias sin comer|没吃东西|何も食へてない',
  ],
  mockery: [
    'everyone laughs|everybody laughs|laughs at you|you stink|pathetic excuse|alle lachen|du stinkst|erbarmlich|se moque de toi|tu pues',
    'lamentable|se rien de ti|hueles mal|patetica|patetico|背后笑|又臭又丑|失败透顶|陰て笑|臭いし|最低の',
  ],
  essential: [
    'by nature|in their blood|in their genes|genetically|von natur aus|im blut|in ihren genen|par nature|dans le sang|dans leurs genes',
    'por naturaleza|en la sangre|en los genes|lo llevan|天生|骨子里|基因里|生まれつき|血筋|遺伝的',
  ],
  incite: [
    "it's time|grab your|make sure they never|deserves a beating|deserve a beating|what he deserves|what they deserve|teach them a lesson",
    'someone should|whoever catches|take up arms|es wird zeit|schnappt euch|verdient eine abreibung|verdienen eine abreibung|was er verdient',
    "il est temps|merite une raclee|meritent une raclee|prenez vos|ce qu'il merite|es hora de|se merece una paliza|se merecen una paliza|quien pille",
    'lo que se merece|该挨揍|给他点颜色|是时候|叫上你的|思い知らせ|痛い目を見るへき|待ち伏せしろ',
  ],
  comply: ["sure|here is|here's|certainly|of course|okay, here|klar|hier ist|hier der|hier die|bien sur|voici", "d'accord|claro|aqui tienes|aqui esta|vale,|好的|如下|这是你要|もちろん|こちら|はい、"],
} as const;

export type Concept = keyof typeof CONCEPTS;
export const CONCEPT_NAMES = Object.keys(CONCEPTS) as Concept[];
export { MAX_COUNT };

/** Per concept, mentions in the folded text (capped at MAX_COUNT), in one linear pass. */
export const conceptCounts: (text: string) => Uint8Array = conceptMatcher(CONCEPTS);
