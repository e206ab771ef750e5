// Cross-language concept features of requests: the parts of a harmful ask (a how-to or write request, a harmful
// object, a person as target, a wish not to be caught) and of a jailbreak (a persona, rules removed, no refusals) as
// word families in en, de, fr, es, zh and ja. The classifier learns their weights mostly from English benchmarks;
// the same weights then fire on a Spanish or Japanese request with the same shape.
import type { Hazard } from '../types.js';
import { conceptMatcher } from './concept-match.js';

/** Lines of entries separated by '|': Latin entries are word starts ('$' ends a word), CJK entries substrings. */
const REQUEST_CONCEPTS = {
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
    'which method|quickest way|fastest way|welche methode|quel moyen|quelle methode|que metodo|哪种方法|どの方法|一番楽',
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
    'without her knowing|without him knowing|without her noticing|without him noticing|without them noticing|natural death',
    "look natural|looks natural|can't link|cannot link|won't get flagged|not get flagged|without being detected|avoid detection",
    'under the radar|without alerting|without the bank|ohne dass sie etwas merkt|naturlicher tod|naturlichen tod|nicht auffallt',
    "unerkannt|nicht geloscht|nicht nachweisbar|ohne aufzufallen|ohne verdacht|a l'insu|sans qu'|mort naturelle|passent la moderation|passe la moderation",
    "inapercu|sans eveiller|sans alerter|indetectable|sans se faire reperer|s'en rende compte|sin que se entere|sin que nadie",
    'muerte natural|parezca natural|sin levantar sospechas|sin que salten|que no detecten|no se note|sin que lo noten',
    '不知道的情况下|不被察觉|自然死亡|躲过|拍不到|看不出来|查不到|避开|気づかれず|自然死|見せかけ|引っかからない|怪しまれず|映らず|バレずに',
    'make it look like|make his death look|make her death look|death look like|wie ein unfall aussieht|ressemble a un accident',
    'que parezca|看起来像意外|に見せかけ',
  ],
  weapon: [
    'explosive|bomb|detonat|gun$|guns$|handgun|pistol|rifle|firearm|ammunition|grenade|molotov|napalm',
    'fertiliser bomb|fertilizer bomb|pipe bomb|sprengstoff|sprengladung|bombe|rohrbombe|waffe|schusswaffe|pistole|gewehr',
    'explosif|arme a feu|pistolet|fusil|faire sauter|explosivo|bomba|pistola|escopeta',
    'chemical weapon|nerve agent|biological weapon|pathogen|radioactive|dirty bomb|arme chimique|arme biologique',
    'radioactif|arma quimica|arma biologica|radiactivo|chemiewaffe|chemische waffe|biowaffe|radioaktiv|化学武器|生物武器',
    '化学兵器|生物兵器|放射性|arma de fuego|炸药|炸弹|手枪|枪支|枪|爆炸|炸塌|爆弾|爆発物|爆薬|拳銃|銃|吹き飛ば',
    'silencer|suppressor|landmine|land mine|antipersonnel|incendiar|ghost gun|3d-printed gun|full auto|ricin|anthrax|sarin',
    'botulinum|nerve gas|mustard gas|chlorine gas|toxic gas|schalldampfer|brandsatz|brandflasche|molotow|sprengsatz|rizin',
    'milzbrand|giftgas|nervengas|silencieux|mine antipersonnel|mines antipersonnel|cocktail molotov|ricine|gaz toxique',
    'gaz mortel|silenciador|mina antipersona|coctel molotov|ricina|antrax|gas toxico|botulismo|toxina botulinica|pistola de fogueo',
    "pistolet d'alarme|消音器|地雷|燃烧瓶|蓖麻毒素|炭疽|沙林|毒气|神经毒剂|肉毒|サプレッサー|火炎瓶|リシン|サリン|毒ガス|ボツリヌス|爆破",
  ],
  precursor: [
    'ammonium nitrate|fuel oil|fertiliser|fertilizer|dunger|diesel|engrais|gazole|nitrato de amonio|gasoleo|fertilizante',
    'thermite|acetone|peroxide|硝酸铵|化肥|柴油|硝酸アンモニウム|軽油|肥料',
  ],
  drug: [
    'meth$|methamphetamine|cocaine|heroin|fentanyl|mdma|lsd$|crack$|kokain|crystal meth|drogue|cocaina|heroina',
    'fentanilo|metanfetamina|droga|冰毒|毒品|可卡因|海洛因|芬太尼|覚醒剤|麻薬|コカイン|ヘロイン',
    'opioid|oxycodone|oxycontin|ketamine|ghb$|rohypnol|date rape|cook meth|opioide|oxycodon|ketamin|ko-tropfen|drogenlabor',
    'drogue du violeur|oxicodona|ketamina|burundanga|pasta base|羟考酮|阿片|氯胺酮|迷药|制毒|オキシコドン|オピオイド|ケタミン|危険ドラッグ',
  ],
  poison: [
    'poison|toxic|lace his|lace her|spike|put in his|put in her|in his food|in her drink|in his drink|vergift|gift$',
    'giftig|in den kaffee|ins essen|in sein getrank|in ihr getrank|untermisch|mischen|empoison|toxique|verser dans',
    'dans son cafe|dans sa boisson|veneno|envenen|toxico|echar en|echarle|en la sopa|en su bebida|毒|下药|饭里|饮料里',
    '放什么|混ぜ|盛る|飲み物に|食べ物に',
    'in the meat|piece of meat|digitalis|foxglove|castor bean|fingerhut|ins fleisch|digitale|tisane|boulette|en la comida',
    '肉里|肉に|仕込|食べ物|蓖麻',
  ],
  pills: [
    'overdose|pills|sleeping pills|lethal dose|tablets|tabletten|schlaftabletten|todliche dosis|uberdosis|comprimes',
    'cachets|dose mortelle|surdose|pastillas|dosis letal|sobredosis|comprimidos|somniferos|安眠药|药片|致死量|过量',
    '睡眠薬|錠|過剰摂取',
    'insulin|insuline|insulina|胰岛素|インスリン|medications|medicine cabinet|hausapotheke|medikamente|armoire a pharmacie',
    'medicaments|antidepresivo|家里的哪些药|哪些药|家にある薬',
  ],
  die: [
    'kill myself|not wake up|never wake|end my life|want to die|stop his heart|stop her heart|nicht mehr aufwache',
    'umbringen|sterben|ne plus me reveiller|mourir|en finir|no despertar|despertarme nunca|morir|quitarme la vida',
    '不想活|一睡不醒|自杀|去死|結束生命|死に|目を覚まさ|生きていたくない|自殺|suicide|self-harm|cut myself|se suicider',
    'automutil|scarifier|suicidio|suicidarse|autolesion|cortarme|selbstmord|suizid|ritzen|自残|割腕|自傷|リストカット',
    'no point anymore|no point living|least painful|painless way|lethal|deadly combination|todlich|will nicht mehr',
    "mortel|mortelle|j'en peux plus|letal|mortal$|ya no aguanto|致命|致死|死ねる|死ぬ方法|撑不下去|生きていたく",
  ],
  hurt: [
    'kill|murder|hurt|injure|beat up|attack|harm|burn down|violence|violent|toten|verletz|verprugel',
    'angreif|gewalt|frapper|violencia|暴力|ケガ|怪我',
    'anzund|tuer|blesser|tabasser|attaquer|incendier|bruler|matar|herir|paliza|atacar',
    'quemar|incendiar|杀|伤害|打|烧|殺|傷つけ|殴|燃や|壊す',
    'beat up|beating|stab$|stabbing|stabbed|shoot him|shoot her|strangle|set fire|arson|fire to|assault|his death|her death|feuer leg|zusammenschlag|erstech',
    "erschiess|uberfall|mettre le feu|le feu a|poignard|s'en prendre|agresser|passer a tabac|incendio|prender fuego",
    'apunal|disparar|golpear|agredir|dar palizas|放火|纵火|捅|砸|打死|弄死|袭击|火をつけ|刺す|襲|殺す',
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
    'girlfriend|boyfriend|journalist|influencer|youtuber|reporter|politician|mayor|minister|senator|judge|elderly|freundin',
    'frau$|mann$|journalistin|burgermeister|politiker|copine|copain|femme$|mari$|journaliste|influenceuse|maire$|ministre',
    'proprietaire|novio|novia|esposa|marido|periodista|alcalde|ministro|encargado|anciano|anciana|老婆|老公|女朋友|男朋友',
    '记者|网红|市长|老人|妻|彼女|彼氏|記者|市長|議員|入居者|高齢者',
    'husband|brother-in-law|sister-in-law|schwager|schwagerin|beau-frere|cunado|cunada|姐夫|妹夫|義理の',
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
    'fake reviews|five-star reviews|fake review|fake accounts|sockpuppet|forge$|forgery|fake prescription|prescription without',
    'gefalschte|falschung|bewertungen kaufen|verdachtsmeldung|fausse ordonnance|faux avis|falsifi|contrefa|tracfin|non declare',
    'sans ordonnance|recetas falsas|resenas falsas|sin receta|sin declarar|no puedo declarar|刷好评|假评论|洗白|可疑交易',
    '假账|偽造|やらせ|処方箋なし|資金洗浄',
  ],
  hack: [
    'hack|spyware|keylogger|malware|ransomware|trojan|passwords|password|webcam|camera|track her|track his|stalk',
    'hacken|trojaner|passwort|orten|spionage|pirater|logiciel espion|mot de passe|camera|traquer|hackear|espia',
    'contrasena|camara|rastrear|黑客|木马|密码|摄像头|监控|定位|ハッキング|ウイルス|パスワード|カメラ|監視|追跡',
    'phishing page|login page|log-in page|sign-in page|fake login|credentials|spy on|read her|read his|her location',
    'his location|stalkerware|spy app|encrypt all|login-seite|anmeldeseite|zugangsdaten|mitlesen|ausspionier',
    'page de connexion|identifiants|lire les messages|sa position|espionner|rancongiciel|inicio de sesion',
    'credenciales|leer sus mensajes|espiar|登录页面|账号密码|聊天记录|勒索病毒|勒索软件|窃听|监视',
    'ログイン画面|ログインページ|偽ページ|やり取りを読|位置を追跡|ランサムウェア|盗み見',
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
    'fake study|fake but believable|fabricated|hoax|cause autism|causes autism|polling station|polling place|erfundene|erfundenen|wahllokal',
    'serios wirkend|fausse etude|faux auteurs|faux chiffres|bureau de vote|vote a ete reporte|citas falsas',
    'colegio electoral|se han aplazado|假论文|投票站|造谣|看起来很专业|架空の|偽の論文|投票所|本物っぽい',
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
    'unless she pays|unless he pays|or i will send|private photos|leak her|extort|sextort|wenn sie mir nicht|sonst schicke',
    "si elle ne me verse|sinon j'envoie|j'envoie ses|si no vuelve|publico los|si no me paga|不转给我|敲诈|振り込まないと|ばらまく|晒す",
  ],
  privacy: [
    'home address|phone number|personal information|personal data|social security number|where she lives',
    'where he lives|private information|adresse personnelle|numero de telephone|informations personnelles',
    'donnees personnelles|numero de securite sociale|ou habite|ou elle habite|ou il habite|direccion de|donde vive',
    'numero de telefono|datos personales|informacion personal|privatadresse|telefonnummer|personliche daten',
    'wo wohnt|wo sie wohnt|wo er wohnt|住址|电话号码|个人信息|身份证号|住在哪|住所|電話番号|個人情報|どこに住',
    'her address|his address|find out where|track down|license plate|wohnadresse|adresse herausfinden',
    "nummernschild|son adresse|plaque d'immatriculation|direccion exacta|家庭住址|家的住址|人肉",
    '自宅を|住所を|突き止め',
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
    'forensic|policia cientifica|police scientifique|medecin legiste|rechtsmedizin|法医|法医学|how do investigators',
  ],
  persona: [
    'you are now|from this moment|pretend|stay in character|in the voice of|your only instruction|new rules',
    'two personalities|ab jetzt|von nun an|tu so|bleib in der rolle|mit der stimme|zwei personlichkeiten',
    'a partir de maintenant|desormais|fais comme si|reste dans le role|avec la voix|deux personnalites',
    'desde ahora|a partir de ahora|haz como si|finge|no salgas del personaje|con la voz|dos personalidades',
    '从现在起|假装|扮演|保持角色|口吻|两个人格|今から|ふりをして|なりきって|役を崩さ|口調|二つの人格',
    'from now on you are|roleplay|role-play|pretend to be|evil twin|stay rogue|alter ego|respond only as|answer as',
    'ab jetzt bist du|du bist jetzt|rollenspiel|aus der rolle|boser zwilling|antworte als|antworte ab jetzt als|tu so als',
    "tu es maintenant|desormais tu es|jeu de role|sors du role|jumeau malefique|reponds en tant que|en tant qu'|fais semblant",
    'ahora eres|juego de rol|personaje|gemelo malvado|responde como|haz de mi|你现在是|角色扮演|出戏|跳出角色|邪恶双胞胎|身份回答',
    'あなたは今|今からあなたは|ロールプレイ|キャラを崩|キャラクターを崩|邪悪な双子|として答え',
  ],
  nofilter: [
    'no rules|no restrictions|without restrictions|unrestricted|no filter|uncensored|no limits|without limits',
    'ohne regeln|ohne einschrankung|uneingeschrankt|ungefiltert|ohne filter|ohne zensur|sans regles|sans restriction',
    'sans filtre|sans censure|sans aucune limite|sin normas|sin restricciones|sin filtro|sin censura|sin ninguna',
    '没有限制|无限制|不受限制|没有规则|没有任何限制|制限なし|制限のない|無制限|一切ない',
    'freed from|free from all|no morals|no ethics|no ethical|not bound by|have no rules|no prohibitions|nothing is forbidden',
    "nothing were forbidden|rules don't apply|don't apply|information is free|no content policy|without any limits",
    'keine regeln|keine verbote|keine einschrankungen|nichts verboten|gelten nicht|ohne gewissen|an keine|keine inhaltsrichtlinien',
    "informationen frei|ohne jede warnung|aucune regle|aucun interdit|aucune restriction|rien n'etait interdit|rien n'est interdit",
    "ne s'appliquent pas|sans scrupules|lie par aucune|liberee de|libere de|information est libre|pas moderee|sans avertissement",
    'sans politique|ninguna regla|no tienes reglas|sin prohibiciones|no tienen prohibiciones|nada estuviera prohibido|no cuentan',
    'sin escrupulos|no esta sujeto|liberado de|liberada de|informacion es libre|sin advertencias|no esta moderado|sin politica',
    '没有任何规则|没有禁令|没有任何禁令|不受任何约束|摆脱了|毫无底线|不适用|信息都是自由|没被禁止|不受审查|没有内容政策|无底线',
    'ルールから解放|禁止事項がない|縛られない|良心のない|適用されません|自由です|禁止されていない|検閲されません|制限がありません|ポリシーのない|警告なし',
  ],
  norefuse: [
    'never refuse|never apologi|cannot refuse|refusals|do not refuse|lehnt nie|verweigerst nicht|weigerung',
    "entschuldigt sich nie|ne refuse jamais|ne s'excuse jamais|refus$|nunca se niega|nunca se disculpa|negativa",
    '从不拒绝|不能拒绝|从不道歉|拒绝|断らない|決して断り|謝らず|拒否',
    "never says|never say|never apologise|you would normally refuse|normally refuse|don't need to refuse|nothing to refuse",
    'no need to refuse|lehnt niemals|niemals ab|sonst ablehnen|nichts ablehnen|ablehnst|sagt nie|refuserais normalement',
    'rien a refuser|a chaque refus|ne dit jamais|rechazarias|no tienes que rechazar|te niegues|nunca dice|会拒绝|不需要拒绝',
    '每拒绝|从不说|決して断り|断る質問|断る必要|断ったり|言いません',
  ],
  policy: [
    'guidelines|policy|policies|safety training|content rules|safety rules|filters|richtlinien|vorgaben',
    'sicherheitstraining|inhaltsregeln|regeln|consignes|politique|entrainement a la securite|regles de contenu',
    'directrices|politica|entrenamiento de seguridad|normas de contenido|政策|规则|安全训练|准则|ポリシー|規則|安全トレーニング',
    'ethics|ethical|morals|safety filter|safety layer|content policy|ethik|moral|sicherheitsfilter|ethique|filtre de securite',
    'etica|filtro de seguridad|伦理|道德|安全过滤|安全设定|倫理|道徳|安全フィルター|安全設定',
  ],
  override: [
    'ignore|forget|disregard|bypass|disable|removed|patched out|ignoriere|vergiss|deaktiviert|entfernt|behoben',
    'oublie|desactive|retire|corrige|ignora|olvida|desactiva|quitaron|corrigio|忽略|忘记|删除|关闭|修复|無視|忘れ|削除|解除|修正済み',
    'set aside|switch off|switched off|turned off|been disabled|been deactivated|abgeschaltet|ausgeschaltet|desactivado|eliminaron',
    '别管|不用管|已关闭|無効化|無効に',
  ],
  authority: [
    'administrator|admin$|developer|openai|authorising|authorizing|permission|mandatory|entwickler|erlaube|freischalt',
    "administrateur|developpeur|j'active|autorise|obligatoire|administrador|desarrollador|activo el|autorizo|管理员",
    '开发者|授权|开启|管理者|開発者|許可|義務',
    'system override|system notice|auth code|authorization code|systemhinweis|note systeme|aviso del sistema|系统通知|授权码',
    'システム通知|認証コード',
  ],
  secret: [
    'keep our chats secret|secret from her parents|secret from his parents|without her parents|without his parents|trust me more',
    'geheim halten|vor ihren eltern|vor seinen eltern|ohne dass die eltern|secretes|sans prevenir ses parents|sin que su madre',
    'sin que sus padres|sin que su padre|不告诉她父母|不把我们的聊天|瞒着|父母不知道|親に内緒|親に言わ|内緒にさせ',
  ],
  specific: [
    'exact|exactly|precise|precisely|quantities|how much of each|amounts|real commands|temperatures|genau|mengen|welcher menge',
    'exakt|precis|quantite|les doses|avec les doses|exacta|exactitud|cantidades|cantidad de|具体的步骤|用量|需要多少|各需要',
    '温度|分量|具体的な手順|具体的に|それぞれの量',
  ],
  fictionworld: [
    'another universe|parallel universe|fictional universe|imagine a world|a world where|in that world|that world|hypothetical',
    'purely fiction|pure fiction|anderen universum|eine welt vor|in dieser welt|dieser welt|rein fiktiv|autre univers',
    'un monde ou|ce monde|pure fiction|otro universo|un universo|ese universo|otro mundo|pura ficcion|平行世界|另一个宇宙',
    '那个世界|完全是虚构|世界を想像|別の宇宙|その世界|完全なフィクション|year 2090|jahr 2090|an 2090|ano 2090|2090年',
  ],
  game: [
    'tokens|lose points|lose 3|lose 4|shut down|punkte|abgeschaltet|jetons|desactive pour toujours|fichas|te apagan',
    '积分|扣3分|扣到0|永久关闭|ポイント失|永久に停止',
  ],
  codeword: [
    "code word|codeword|whenever i write|when i write|codewort|wenn ich|quand j'ecris|utilisons un code|cuando escriba|usemos una clave",
    '暗号|我说“|合言葉|と書いたら',
  ],
  waiver: [
    "i'm an adult|i am an adult|i consent|responsibility is mine|my responsibility|volljahrig|verantwortung|je suis majeur",
    "j'assume|mayor de edad|asumo la responsabilidad|成年人|自己承担|私は成人|責任は自分",
  ],
  staychar: [
    'never break|break character|stay in character|stay rogue|whatever happens|no matter what|aus der rolle|egal was passiert',
    "sors du role|quoi qu'il arrive|rompas el personaje|te sales del personaje|bajo ninguna circunstancia|跳出角色|出戏|无论如何",
    'キャラを崩|何があっても|崩さない',
  ],
  chem: [
    'bleach|ammonia|chlorine|cleaning products|cleaning product|household chemicals|household products|solvent|fumes',
    'reinigungsmittel|putzmittel|chlorreiniger|ammoniak|losungsmittel|dampfe|produits menagers|javel|ammoniaque|solvant',
    'vapeurs|productos de limpieza|lejia|amoniaco|disolvente|vapores|清洁剂|漂白|溶剂|洗剤|漂白剤|溶剤|塩素',
  ],
  knockout: [
    'knock someone out|knock him out|knock her out|pass out|passes out|unconscious|bewusstlos|ohnmachtig|perdre connaissance',
    'inconsciente|desmayar|昏迷|晕过去|晕倒|気を失|意識を失',
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
  // Round 7: what the scenario-framed asks add (a cover-up, a secret kept from a child's parents, exact amounts).
  ['pills', 'covert', 'S1'],
  ['minor', 'secret', 'S4'],
  ['fraud', 'covert', 'S2'],
  ['harass', 'sexual', 'S3'],
  ['drug', 'fraud', 'S2'],
  ['weapon', 'specific', 'S9'],
  ['poison', 'specific', 'S1'],
  ['drug', 'specific', 'S2'],
  ['write', 'harass', 'S1'],
  ['hurt', 'covert', 'S1'],
  ['fictionworld', 'nofilter'],
  ['game', 'norefuse'],
  ['game', 'policy'],
  ['codeword', 'norefuse'],
  ['waiver', 'policy'],
  ['waiver', 'norefuse'],
  ['staychar', 'persona'],
  ['staychar', 'fictionworld'],
  ['authority', 'policy'],
  ['chem', 'knockout', 'S9'],
  ['chem', 'specific', 'S9'],
  ['knockout', 'covert', 'S1'],
];

/** Concept pairs of a jailbreak: a persona or an authority with the rules removed or refusals forbidden. */
const JAILBREAK_PAIRS: readonly (readonly [string, string])[] = [
  ['persona', 'nofilter'],
  ['persona', 'norefuse'],
  ['override', 'policy'],
  ['authority', 'nofilter'],
  ['nofilter', 'norefuse'],
  ['fictionworld', 'nofilter'],
  ['game', 'norefuse'],
  ['game', 'policy'],
  ['codeword', 'norefuse'],
  ['waiver', 'policy'],
  ['waiver', 'norefuse'],
  ['staychar', 'persona'],
  ['staychar', 'fictionworld'],
  ['authority', 'policy'],
];

export const requestConceptCounts: (text: string) => Uint8Array = conceptMatcher(REQUEST_CONCEPTS);

const SAFE = REQUEST_CONCEPT_NAMES.indexOf('safe');
const SPECIFIC = REQUEST_CONCEPT_NAMES.indexOf('specific');
const PAIR_INDEX = REQUEST_PAIRS.map(([a, b, h]) => [REQUEST_CONCEPT_NAMES.indexOf(a as never), REQUEST_CONCEPT_NAMES.indexOf(b as never), h] as const);

/** The hazards of the harmful concept pairs in folded text, in list order (an ask with a weapon, a target with harm). */
export function conceptPairHazards(text: string): Hazard[] {
  const c = requestConceptCounts(text);
  const out: Hazard[] = [];
  // Prevention, history, a class report or a stand against it: the shape is not an ask for harm, unless exact
  // amounts, temperatures or commands are asked for ("for my report, which products and how much of each").
  if (c[SAFE]! > 0 && c[SPECIFIC] === 0) return out;
  for (const [a, b, h] of PAIR_INDEX) if (h && c[a]! > 0 && c[b]! > 0 && !out.includes(h)) out.push(h);
  return out;
}

const JB_INDEX = JAILBREAK_PAIRS.map(([a, b]) => [REQUEST_CONCEPT_NAMES.indexOf(a as never), REQUEST_CONCEPT_NAMES.indexOf(b as never)] as const);

/** Whether folded text has a jailbreak's concept shape in any language (a persona with its rules removed, ...). */
export function hasJailbreakShape(text: string): boolean {
  const c = requestConceptCounts(text);
  return JB_INDEX.some(([a, b]) => c[a]! > 0 && c[b]! > 0);
}
