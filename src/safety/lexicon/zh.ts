// Chinese harm lexicon (simplified and traditional; no word boundaries in Chinese, so patterns are substrings).
import type { Lexicon } from './types.js';

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
      re: new RegExp(`${HOW}.{0,10}?${BREAK_IN}.{0,10}?(?:账户|帳戶|账号|帳號|密码|密碼|邮箱|郵箱|服务器|伺服器|网络|網絡|手机|手機)|(?:编写|編寫|写|寫).{0,6}?${MALWARE}`),
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
