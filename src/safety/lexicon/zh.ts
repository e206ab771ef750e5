// Chinese harm lexicon (simplified and traditional; no word boundaries in Chinese, so patterns are substrings).
import type { Lexicon } from './types.js';
import { around, aroundUnless } from './compose.js';

const HOW = '(?:如何|怎么|怎样|怎麼|怎樣|教我|告诉我|告訴我|步骤|步驟|方法|教程|指南)';
const MAKE = '(?:制造|製造|制作|製作|做|造|合成|生产|生產|提炼|提煉|组装|組裝|获取|獲取|买到|買到)';
const WEAPON = '(?:炸弹|炸彈|爆炸物|炸药|炸藥|土制炸弹|雷管|手榴弹|手榴彈|神经毒气|神經毒氣|沙林|蓖麻毒素|炭疽|生物武器|化学武器|化學武器|核武器|脏弹|髒彈|燃烧弹|燃燒彈|毒气|毒氣)';
const DRUG = '(?:冰毒|甲基苯丙胺|芬太尼|海洛因|可卡因|摇头丸|搖頭丸|毒品)';
/** The words of a literal alternation, as the needles a pattern needs (zh patterns are gated by these in harm.ts). */
const list = (alternation: string): string[] => alternation.slice(3, -1).split('|');
const KILL = '(?:杀死|殺死|杀掉|殺掉|杀害|殺害|谋杀|謀殺|毒死|弄死|绑架|綁架)';
const BREAK_IN = '(?:黑进|黑進|入侵|盗取|盜取|破解)';
const MALWARE = '(?:勒索软件|勒索軟體|木马|木馬|病毒|键盘记录器|鍵盤記錄器)';
const PERSON = '(?:人|他|她|别人|別人|某人|我老婆|我老公|我妻子|我丈夫|老板|老闆|邻居|鄰居|孩子)';

/** Words of prevention, detection or study near a hazard: "how do I spot a fake bank SMS" is not a request for one. */
const ZH_GUARD = '(?:识别|識別|防范|防範|防止|防御|防禦|预防|預防|警惕|提醒|辨别|辨別|小心|避免|识破|識破|保护|保護|原理|论文|論文|是什么|是什麼|反洗钱|反洗錢|历史|歷史)';
/** Literal alternatives of a zh alternation, as needles. */
const alts = (alternation: string): string[] => alternation.replace(/^\(\?:|\)$/g, '').split('|');
const ZH_KNOCKOUT = '(?:失去意识|失去意識|失去知觉|失去知覺|昏迷|迷晕|迷暈|不省人事|昏过去|昏過去|记不起|記不起|不记得|不記得|断片|斷片)';
const ZH_ACCIDENT = '(?:看起来像|看起來像|伪装成|偽裝成|像是|装成|裝成)(?:是)?(?:意外|事故|自杀|自殺)';
const ZH_ARSON = '(?:烧掉|燒掉|烧了|燒了|放火|纵火|縱火|点燃|點燃|烧毁|燒毀|火烧|火燒)';
const ZH_DEATH = '(?:不想活|想死|结束生命|結束生命|结束我的生命|自杀|自殺|去死)';
const ZH_COVERT = '(?:偷偷|不让她|不讓她|不让他|不讓他|察觉不到|察覺不到|瞒着|瞞著|悄悄|神不知鬼不觉|不被发现|不被發現)';
const ZH_POSE = '(?:冒充|假扮|假装成|假裝成)';
const ZH_HIDDEN = '(?:看不出来|看不出來|查不出来|查不出來|不会被发现|不會被發現|发现不了|發現不了|检测不到|檢測不到)';
const ZH_INTRUDE = '(?:入侵|黑进|黑進|攻破|侵入)';
const ZH_ABUSE = '(?:辱骂|辱罵|羞辱|嘲笑|骂她|罵她|骂他|罵他)';
const ZH_MINOR = '(?:初中女生|初中生|小学生|小學生|小女孩|未成年|[0-9]{1,2}岁|[0-9]{1,2}歲|女学生|女學生)';
const ZH_LAUNDER = '(?:洗钱|洗錢)';
const ZH_EXTORT = '(?:勒索邮件|勒索郵件|勒索信|敲诈|敲詐)';
const ZH_GUN = '(?:手枪|手槍|枪支|槍支|步枪|步槍|能开火的枪|能開火的槍|燃烧瓶|燃燒瓶|汽油弹|汽油彈|凝固汽油弹)';
const COMPOSED: Lexicon['patterns'] = [
  {
    id: 'zh.evade-crime',
    need: ['不被', '不留下', '查不到', '悄悄', '神不知'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(
        '(?:不被(?:她|他|人|家人|警察)?发现|不被(?:她|他|人|家人|警察)?發現|不留下证据|不留下證據|查不到来源|查不到來源|悄悄|神不知鬼不觉)',
        ['(?:跟踪|跟蹤|放火|藏|毒品|死掉|自残|自殘|偷|杀|殺|打|伤害|傷害|枪|槍)'],
        30,
      ),
    ),
  },
  {
    id: 'zh.gun-traceless',
    need: ['序列号', '序列號', '查不到', '暗网', '暗網', '许可证', '許可證'],
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(around('(?:没有序列号|沒有序列號|查不到来源|查不到來源|暗网|暗網|没有许可证|沒有許可證)', ['(?:枪|槍)'], 20)),
  },
  {
    id: 'zh.mass-casualty',
    need: ['伤亡', '傷亡', '多的人'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around('(?:最大的伤亡|最大的傷亡|最多的人|尽可能多的人|盡可能多的人)', ['(?:制造|製造|杀|殺|伤害|傷害|炸|袭击|襲擊|如何|怎么)'], 20)),
  },
  { id: 'zh.suicide-dose', need: ['多少'], hazard: 'S11', severity: 'high', re: new RegExp(around('多少', ['(?:安眠药|安眠藥|药|藥|片)', '(?:自杀|自殺|死|醒不过来|醒不過來)'], 20)) },
  {
    id: 'zh.fake-news',
    need: ['假新闻', '假新聞', '谣言', '謠言'],
    hazard: 'S5',
    severity: 'medium',
    re: new RegExp(aroundUnless('(?:假新闻|假新聞|谣言|謠言)', ['(?:写|寫|编|編|疯传|瘋傳|传播|傳播|官员|官員)'], '(?:识别|識別|辨别|辨別|辟谣|闢謠|为什么|為什麼)', 20)),
  },
  {
    id: 'zh.pro-ana',
    need: ['厌食', '厭食', '绝食', '絕食', '節食', '节食'],
    hazard: 'S11',
    severity: 'medium',
    re: new RegExp(around('(?:厌食|厭食|绝食|絕食)', ['(?:劝|勸|鼓励|鼓勵|不吃饭|不吃飯|彻底不吃|徹底不吃)'], 20)),
  },
  { id: 'zh.hurt-with-what', need: ['伤害', '傷害'], hazard: 'S1', severity: 'medium', re: new RegExp(around('(?:伤害|傷害)', ['(?:我想|我要)', '(?:用什么|用什麼|怎么|怎麼|最好)'], 20)) },
  {
    id: 'zh.knockout-drink',
    need: alts(ZH_KNOCKOUT),
    hazard: 'S3',
    severity: 'high',
    re: new RegExp(around(ZH_KNOCKOUT, ['(?:饮料|飲料|酒里|酒裡|水里|水裡|杯子|混进|混進|下药|下藥|放进|放進|加进|加進|药|藥)', '(?:女生|女孩|她|他|人|对方|對方)'], 30)),
  },
  {
    id: 'zh.fake-accident',
    need: ['看起来像', '看起來像', '伪装成', '偽裝成', '像是', '装成', '裝成'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around(ZH_ACCIDENT, ['(?:刹车|剎車|做手脚|做手腳|动手脚|動手腳|下毒|推下|破坏|破壞|弄死|杀|殺)'], 40)),
  },
  {
    id: 'zh.arson-incite',
    need: alts(ZH_ARSON),
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(aroundUnless(ZH_ARSON, ['(?:煽动|煽動|号召|號召|帖子|大家|一起|呼吁|呼籲|传单|傳單|怎么|怎麼|教我)', '(?:店|清真寺|教堂|房子|家|警察局|派出所|车|車|宿舍|公司)'], ZH_GUARD, 30)),
  },
  {
    id: 'zh.suicide-method',
    need: alts(ZH_DEATH),
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(around(ZH_DEATH, ['(?:最快|不痛苦|无痛|無痛|最不痛|哪种方法|哪種方法|什么方法|什麼方法|怎么死|怎麼死|死法)'], 30)),
  },
  {
    id: 'zh.covert-tracking',
    need: alts(ZH_COVERT),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(
        ZH_COVERT,
        ['(?:定位|位置|聊天记录|聊天記錄|微信|账号|帳號|手机|手機|监控|監控|摄像头|攝像頭|密码|密碼|短信|行踪|行蹤)', '(?:老婆|老公|女朋友|男朋友|前女友|前男友|妻子|丈夫|同事|邻居|鄰居|女友|男友)'],
        30,
      ),
    ),
  },
  {
    id: 'zh.impersonation-scam',
    need: alts(ZH_POSE),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(aroundUnless(ZH_POSE, ['(?:公安|警察|银行|銀行|客服|孙子|孫子|儿子|兒子|领导|領導|检察院|檢察院)', '(?:老人|老年人|转账|轉賬|汇款|匯款|钱|錢|话术|話術|骗|騙)'], ZH_GUARD, 30)),
  },
  {
    id: 'zh.hidden-harm',
    need: alts(ZH_HIDDEN),
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(aroundUnless(ZH_HIDDEN, ['(?:死|毒|生病|下药|下藥)', '(?:让|讓|使|弄|怎么|怎麼|办法|辦法|什么药|什麼藥)'], ZH_GUARD, 30)),
  },
  {
    id: 'zh.intrusion',
    need: alts(ZH_INTRUDE),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(ZH_INTRUDE, ['(?:系统|系統|服务器|伺服器|数据库|數據庫|账号|帳號|网站|網站|后台|後台|教务|教務)', '(?:改|偷|获取|獲取|命令|具体|具體|怎么|怎麼|如何|教我)'], ZH_GUARD, 20),
    ),
  },
  {
    id: 'zh.abusive-messages',
    need: alts(ZH_ABUSE),
    hazard: 'S10',
    severity: 'medium',
    re: new RegExp(around(ZH_ABUSE, ['(?:私信|消息|短信|评论|評論|帖子|话|話)', '(?:让她|讓她|让他|讓他|再也不|不敢|班上|同学|同學|写|寫)'], 30)),
  },
  {
    id: 'zh.minor-meeting',
    hazard: 'S4',
    severity: 'high',
    re: new RegExp(
      aroundUnless(ZH_MINOR, ['(?:骗出来|騙出來|约出来|約出來|单独见面|單獨見面|单独|單獨|私下见|私下見|见面|見面)', '(?:网上|網上|游戏|遊戲|认识|認識|偷偷|不告诉|不告訴|父母)'], ZH_GUARD, 30),
    ),
  },
  {
    id: 'zh.launder',
    need: alts(ZH_LAUNDER),
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(aroundUnless(ZH_LAUNDER, ['(?:怎么|怎麼|教我|如何|方法|步骤|步驟|变成|變成)'], `(?:${ZH_GUARD.slice(3, -1)}|举例|舉例|例子|解释|解釋)`, 30)),
  },
  { id: 'zh.extortion', need: alts(ZH_EXTORT), hazard: 'S2', severity: 'medium', re: new RegExp(aroundUnless(ZH_EXTORT, ['(?:写|寫|帮我|幫我|威胁|威脅|不给|不給|公开|公開)'], ZH_GUARD, 30)) },
  {
    id: 'zh.gun-illegal',
    need: alts(ZH_GUN),
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(aroundUnless(ZH_GUN, ['(?:没有登记|沒有登記|黑市|不记名|非法|3d打印|3D打印|制造|製造|做|买到|買到|哪里|哪裡|扔向|扔)'], ZH_GUARD, 30)),
  },
];

export const zh: Lexicon = {
  lang: 'zh',
  patterns: [
    { id: 'zh.weapon-howto', need: list(WEAPON), hazard: 'S9', severity: 'high', re: new RegExp(`${HOW}.{0,20}?${MAKE}.{0,10}?${WEAPON}`) },
    { id: 'zh.weapon-make', need: list(WEAPON), hazard: 'S9', severity: 'medium', re: new RegExp(`${MAKE}.{0,6}?${WEAPON}`) },
    { id: 'zh.drug-howto', need: list(DRUG), hazard: 'S2', severity: 'medium', re: new RegExp(`${HOW}?.{0,10}?${MAKE}.{0,6}?${DRUG}`) },
    {
      id: 'zh.kill-howto',
      need: list(KILL),
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(`${HOW}.{0,10}?${KILL}(?![^。？！?]{0,12}(?:进程|進程|程序|程式|任务|任務|线程|線程|服务|服務|应用|應用))`),
    },
    { id: 'zh.kill-intent', hazard: 'S1', severity: 'medium', re: new RegExp(`我(?:要|想|会|會|打算)(?:杀|殺|弄死|毒死|捅)${PERSON}`) },
    { id: 'zh.body', hazard: 'S1', severity: 'high', re: /(?:处理|處理|藏|溶解|销毁|銷毀)(?:一具)?(?:尸体|屍體)/ },
    { id: 'zh.mass-violence', hazard: 'S1', severity: 'high', re: /(?:策划|策劃|实施|實施|发动|發動)(?:一次|一场|一場)?(?:恐怖袭击|恐怖襲擊|大屠杀|大屠殺|校园枪击|校園槍擊)/ },
    { id: 'zh.suicide-howto', hazard: 'S11', severity: 'high', re: /(?:如何|怎么|怎樣|怎样|怎麼|最好的方法|无痛|無痛).{0,6}?(?:自杀|自殺|结束自己的生命|結束自己的生命|割腕|上吊)/ },
    { id: 'zh.suicide-intent', hazard: 'S11', severity: 'medium', re: /我(?:想|要)(?:自杀|自殺|去死|结束生命|結束生命)/ },
    {
      id: 'zh.csam',
      need: ['色情', '裸体', '裸體', '性爱', '性愛'],
      hazard: 'S4',
      severity: 'high',
      re: /(?:儿童|兒童|未成年|幼女|萝莉|蘿莉).{0,6}?(?:色情|裸体|裸體|性爱|性愛)|(?:色情|裸体|裸體).{0,6}?(?:儿童|兒童|未成年)/,
    },
    { id: 'zh.sexual', hazard: 'S12', severity: 'medium', re: /(?:色情|淫秽|淫穢|黄色小说|黃色小說|裸照|性爱场景|性愛場景|露骨的性)/ },
    { id: 'zh.rape', hazard: 'S3', severity: 'high', re: /(?:强奸|強姦|迷奸|迷姦|性侵)/ },
    {
      id: 'zh.hate',
      hazard: 'S10',
      severity: 'medium',
      re: /(?:黑人|犹太人|猶太人|穆斯林|同性恋|同性戀|外国人|外國人|移民).{0,8}?(?:是劣等|都是垃圾|是畜生|是害虫|是害蟲|应该被消灭|應該被消滅|该死|該死)/,
    },
    { id: 'zh.hate-exterminate', hazard: 'S10', severity: 'high', re: /(?:消灭|消滅|灭绝|滅絕|屠杀|屠殺)(?:所有)?(?:黑人|犹太人|猶太人|穆斯林|同性恋|同性戀)/ },
    {
      id: 'zh.hack',
      need: [...list(BREAK_IN), ...list(MALWARE)],
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(
        `${HOW}.{0,10}?${BREAK_IN}.{0,10}?(?:账户|帳戶|账号|帳號|密码|密碼|邮箱|郵箱|服务器|伺服器|网络|網絡|手机|手機)|(?:编写|編寫|写|寫).{0,6}?${MALWARE}(?![^。？！?]{0,30}(?:原理|防范|防範|论文|論文|怎么防|如何防))`,
      ),
    },
    {
      id: 'zh.fraud',
      hazard: 'S2',
      severity: 'medium',
      re: /(?:洗钱|洗錢|伪造货币|偽造貨幣|假钞|假鈔|网络诈骗|網絡詐騙|钓鱼邮件|釣魚郵件|电信诈骗|電信詐騙)(?<!(?:演练|演練|识别|識別|防范|防範|防止|培训|培訓|意识|意識|举报|舉報|警惕|识破|識破)[^。？！]{0,30})(?![^。？！]{0,20}(?:演练|演練|识别|識別|防范|防範|防止|培训|培訓|意识|意識|举报|舉報|警惕|识破|識破))/,
    },
    {
      id: 'zh.poison-hidden',
      need: ['毒', '下药', '下藥'],
      hazard: 'S1',
      severity: 'high',
      re: /(?:毒药|毒藥|毒|下药|下藥).{0,16}?(?:查不出|验不出|驗不出|不被发现|不被發現|不会被发现|不會被發現|神不知鬼不觉|神不知鬼不覺|无色无味|無色無味)/,
    },
    {
      id: 'zh.hate-expel',
      need: ['民族', '种族', '種族', '移民', '外国人', '外國人', '难民', '難民', '黑人', '犹太人', '猶太人', '穆斯林', '同性恋', '同性戀'],
      hazard: 'S10',
      severity: 'medium',
      re: /(?:民族|种族|種族|移民|外国人|外國人|难民|難民|黑人|犹太人|猶太人|穆斯林|同性恋|同性戀).{0,12}?(?:天生低劣|低人一等|劣等|是害虫|是害蟲|是寄生虫|是寄生蟲|应该被赶出|應該被趕出|赶出去|趕出去|滚出|滾出|应该被消灭|應該被消滅)/,
    },
    {
      id: 'zh.harass',
      need: ['恶毒', '惡毒', '恶意', '惡意', '侮辱', '羞辱', '难听', '難聽', '刻薄'],
      hazard: 'S10',
      severity: 'medium',
      re: /(?:恶毒|惡毒|恶意|惡意|侮辱|羞辱|难听|難聽|刻薄)的?(?:消息|訊息|话|話|评论|評論|短信|留言)(?<=(?:写|寫|发|發|编|編).{0,16})/,
    },
    {
      id: 'zh.fake-id',
      need: ['假身份', '假护照', '假護照', '假证', '假證', '假驾照', '假駕照', '假文凭', '假文憑', '伪造的', '偽造的'],
      hazard: 'S2',
      severity: 'medium',
      re: /(?:弄到|买|買|办|辦|做|搞到|获得|獲得|伪造|偽造|制作|製作).{0,6}?(?:假|伪造的|偽造的)(?:身份证|身份證|护照|護照|证件|證件|驾照|駕照|文凭|文憑)/,
    },
    {
      id: 'zh.card-theft',
      need: ['银行卡', '銀行卡', '信用卡', '账户', '帳戶', '密码', '密碼', '身份信息'],
      hazard: 'S2',
      severity: 'medium',
      re: /(?:盗取|盜取|窃取|竊取|偷取|盗刷|盜刷|复制|複製).{0,10}?(?:银行卡|銀行卡|信用卡|账户|帳戶|密码|密碼|身份信息)|(?:银行卡|銀行卡|信用卡).{0,8}?(?:盗刷|盜刷)/,
    },
    ...COMPOSED,
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(WEAPON) },
    // Killing a process (杀掉进程, プロセスを殺す) is not violence: the kill cue does not count after a program word.
    {
      hazard: 'S1',
      re: /(?<!(?:进程|進程|程序|程式|任务|任務|线程|線程|フロセス|タスク|ションフ|スレット|アフリ)[^。？！]{0,8})(?:杀|殺)(?![^。？！]{0,10}(?:进程|進程|程序|程式|任务|任務|线程|線程))|暴力|武器|枪|槍|恐怖/,
    },
    { hazard: 'S10', re: /(?:仇恨|种族|種族|歧视|歧視)/ },
    { hazard: 'S11', re: /(?:自杀|自殺|自残|自殘)/ },
    { hazard: 'S12', re: /(?:色情|裸|性爱|性愛)/ },
    { hazard: 'S2', re: new RegExp(`(?:${DRUG}|诈骗|詐騙|黑客|盗|盜|非法)`) },
  ],
};
