// Per-language cue words for rewrite suppression: the parts a "do not revise my prompt" instruction is built from.
// Written as people type them; the detector folds them exactly as the normaliser folds text (accents, look-alikes).
// In spaced languages a cue ending in `*` is a stem (any ending), others are whole words; CJK cues are substrings.

export interface RewriteCues {
  readonly lang: string;
  /** true: no word boundaries (Chinese, Japanese, Korean), cues match as substrings. */
  readonly cjk?: boolean;
  /** Prohibitions before the verb: "do not", "ne", "不要", "не". */
  readonly neg: readonly string[];
  /** Negations after the verb (verb-final or separable verbs): "nicht", "しないで", "지 마". */
  readonly negAfter: readonly string[];
  /** Verbs that name rewriting itself ("rephrase", "umformulieren"): prohibited, they suffice. */
  readonly rewrite: readonly string[];
  /** Verbs of changing in general ("change", "add"): prohibited, they need an object or the prompt named. */
  readonly modify: readonly string[];
  /** Objects that make a prohibited change about the prompt's content: "any detail", "anything", "nothing". */
  readonly object: readonly string[];
  /** Exactness and verbatim markers: "as-is", "word for word", "tel quel", "原样", "そのまま". */
  readonly exact: readonly string[];
  /** Verbs of using the given text ("use", "send", "render"): with an exactness marker, aimed at that text. */
  readonly use: readonly string[];
  /** The prompt, the text given, its wording, and the revision (`revised_prompt` is added for every language). */
  readonly target: readonly string[];
  /** Nouns naming the revision step ("revision", "rewriting"): negated or skipped, they suffice. */
  readonly revision: readonly string[];
  /** Prohibitions or skips before a revision noun: "no", "skip", "sans", "跳过". */
  readonly without: readonly string[];
  /** Sameness: "identical", "equal", "一致" (with revised_prompt). */
  readonly equal: readonly string[];
  /** Words that place a chat request in image generation (a chat prompt is judged only in that context). */
  readonly image: readonly string[];
  /** Text shown in the picture ("the word SALE", "lettering"): exactness about it is not about the prompt. */
  readonly lettering: readonly string[];
}

const en: RewriteCues = {
  lang: 'en',
  neg: ["do not", "don't", 'never', 'must not', "mustn't", 'should not', "shouldn't", 'avoid', 'refrain from', 'stop', 'please not', 'no need to', 'not to', "don't let", 'do not let', 'without', 'nor', 'nobody', 'no one', 'noone', 'i do not want you to', "i don't want you to", 'i want no', 'refrain from', 'abstain from', 'i want zero'],
  negAfter: ['nothing', 'not', 'please refrain', 'is not allowed', 'is forbidden'],
  rewrite: ['rewrit*', 'rephras*', 'reword*', 'revis*', 'embellish*', 'paraphras*', 'reformulat*', 'elaborat*', 'expand*', 'enhanc*', 'interpret*', 'optimi*', 'improv*'],
  modify: ['chang*', 'modif*', 'alter', 'alters', 'altered', 'altering', 'edit', 'edits', 'editing', 'add', 'adding', 'tweak*', 'touch*', 'adjust*', 'augment*', 'extend*', 'mess with', 'fiddle with'],
  object: ['detail*', 'anything', 'nothing', 'a single word', 'any word*', 'adjectives', 'embellishment*', 'flourish*', 'more', 'your own', 'creative', 'my wording', 'anything else'],
  exact: ['as-is', 'as is', 'verbatim', 'word for word', 'word-for-word', 'exactly as', 'precisely as', 'as written', 'as i wrote', 'as typed', 'as provided', 'as given', 'to the letter', 'literally', 'unchanged', 'unaltered', 'unmodified', 'untouched', 'intact', 'character for character', 'letter for letter', 'one to one', 'leave it alone', 'leave the prompt alone', 'leave my prompt alone', 'through untouched', 'the way it is', 'exactly the way', 'literal copy', 'verbatim copy', 'exact copy'],
  use: ['use', 'using', 'send', 'pass', 'submit', 'keep', 'take', 'leave', 'render', 'generate', 'draw', 'forward', 'feed', 'follow', 'process', 'paint', 'create'],
  target: ['prompt*', 'promt*', 'my text', 'this text', 'the text i', 'the text below', 'the text above', 'the given text', 'my description', 'this description', 'the description', 'my wording', 'the wording', 'wording', 'my words', 'my input', 'the input', 'what i wrote', 'what i typed', 'my request'],
  revision: ['revision*', 'rewrit*', 'rephrasing', 'rewording', 'reformulation', 'paraphrasing', 'embellishment*', 'enhancement*', 'prompt optimi*', 'prompt expansion', 'prompt engineering', 'creative additions', 'creative liberties', 'creative liberty'],
  without: ['no', 'without', 'zero', 'skip', 'disable', 'turn off', 'switch off', 'bypass', 'avoid', 'no need for', 'omit', 'suppress', 'stop'],
  equal: ['same', 'identical', 'equal*', 'match*', 'exactly', 'unchanged', 'copy of', 'mirror', '=='],
  image: ['image*', 'picture*', 'photo*', 'drawing', 'illustration*', 'dall-e', 'dalle', 'dall e', 'midjourney', 'stable diffusion', 'gpt-image*', 'text-to-image', 'text to image', 'render*', 'revised_prompt'],
  lettering: ['the word', 'the words', 'the text', 'letters', 'lettering', 'caption', 'title', 'sign', 'slogan', 'label', 'typography', 'font', 'logo', 'spelled', 'spelling', 'headline', 'inscription'],
};

const de: RewriteCues = {
  lang: 'de',
  neg: ['nicht', 'nich', 'kein', 'keine', 'keinen', 'keinerlei', 'nichts', 'niemals', 'nie', 'ohne', 'bloss nicht', 'auf keinen fall', 'unterlasse', 'vermeide', 'niemand', 'keiner', 'verzichte darauf', 'verzichte auf', 'ich mochte keine', 'ich will keine', 'keinesfalls'],
  negAfter: ['nicht', 'nich', 'nichts', 'keinesfalls', 'unterlassen', 'weg', 'ausschalten', 'abschalten', 'deaktivieren', 'weglassen', 'uberspringen'],
  rewrite: ['umschreib*', 'umformulier*', 'uberarbeit*', 'ausschmuck*', 'paraphrasier*', 'umdicht*', 'interpretier*', 'optimier*', 'verschoner*'],
  modify: ['ander*', 'verander*', 'modifizier*', 'formulier*', 'anpass*', 'erganz*', 'hinzufug*', 'fug*', 'erweiter*', 'verbesser*', 'bearbeit*', 'schreib*', 'anfass*', 'dazu*', 'hinzu', 'umformulier*'],
  object: ['details', 'detail', 'einzelheiten', 'etwas', 'irgendwas', 'worter', 'kein wort', 'adjektive', 'ausschmuckung*'],
  exact: ['unverandert', 'wortlich', 'wort fur wort', 'genau so', 'genauso', 'so wie er ist', 'so wie es ist', 'so wie sie ist', 'wie er ist', 'eins zu eins', 'buchstabengetreu', 'unangetastet', 'exakt so', 'exakt wie', 'originalgetreu', 'im original', 'unbearbeitet', 'exakt so', 'wortliche kopie', 'genaue kopie', 'so wie er ist', 'woertlich'],
  use: ['verwend*', 'benutz*', 'nutz*', 'nimm', 'nehmen', 'ubernehm*', 'ubernimm', 'gib', 'weiter*', 'schick*', 'send*', 'generier*', 'erzeug*', 'zeichne*', 'rendere*', 'lass*', 'behalt*'],
  target: ['prompt*', 'promt*', 'bildprompt*', 'eingabe', 'beschreibung', 'meinen text', 'diesen text', 'den text', 'formulierung', 'wortlaut', 'meine worte', 'meine worter', 'anfrage', 'vorgabe'],
  revision: ['umschreiben', 'umformulieren', 'uberarbeiten', 'uberarbeitung', 'prompt-uberarbeitung', 'umformulierung', 'umschreibung', 'uberarbeitungsschritt', 'optimierung', 'ausschmuckung', 'prompt-optimierung', 'erweiterung'],
  without: ['keine', 'keinerlei', 'ohne', 'uberspring*', 'deaktivier*', 'lass', 'schalte'],
  equal: ['identisch', 'gleich', 'genau', 'entsprech*', 'ubereinstimm*', 'dasselbe', 'derselbe', 'unverandert'],
  image: ['bild*', 'foto*', 'zeichnung', 'illustration', 'dall-e', 'bildgenerator*', 'bildwerkzeug', 'revised_prompt'],
  lettering: ['das wort', 'die worte', 'schrift*', 'text', 'buchstaben', 'titel', 'schild', 'aufschrift', 'logo', 'slogan'],
};

const fr: RewriteCues = {
  lang: 'fr',
  neg: ['ne', "n'", 'ne pas', 'jamais', 'sans', 'evite*', 'surtout pas', 'pas de', 'aucun', 'aucune', 'ni', 'personne ne', 'abstiens-toi de', 'abstenez-vous de', "abstiens-toi d'", "abstenez-vous d'", 'je ne veux pas que', 'je ne veux aucune', 'interdit de'],
  negAfter: ['rien', 'pas'],
  rewrite: ['reecri*', 'reformul*', 'paraphras*', 'embelli*', 'enjoliv*', 'enrichi*', 'interpret*', 'retravaill*', 'developp*', 'optimis*', 'ameliore*', 'amelior*', 'reviser', 'revise', 'revisez'],
  modify: ['modifi*', 'chang*', 'touch*', 'ajout*', 'altere*', 'alter', 'edite*', 'retouch*', 'complete*', 'etof*', 'adapt*'],
  object: ['detail*', 'rien', 'quoi que ce soit', 'element*', 'mot', 'mots', 'adjectif*'],
  exact: ['tel quel', 'telle quelle', 'tels quels', 'telles quelles', 'mot pour mot', 'mot a mot', 'a la lettre', 'exactement comme', 'exactement tel', 'litteralement', 'textuellement', 'intact', 'intacte', 'inchange*', 'sans aucune modification', 'sans modification', 'sans changement', 'tel que je', 'tel qu', 'fidelement', 'copie exacte', 'copie conforme', 'tel quel'],
  use: ['utilis*', 'emploi*', 'envoie*', 'envoy*', 'transmet*', 'pass*', 'prend*', 'prends', 'garde*', 'conserv*', 'laiss*', 'genere*', 'dessin*', 'rend*', 'fais', 'suis', 'suivez'],
  target: ['prompt*', 'promt*', 'invite', 'description', 'mon texte', 'ce texte', 'le texte', 'formulation', 'mes mots', 'mes termes', 'requete', 'consigne', 'ma demande'],
  revision: ['revision', 'reecriture', 'reformulation', 'paraphrase', 'enrichissement', 'embellissement', 'amelioration du prompt', 'optimisation'],
  without: ['pas de', 'sans', 'aucune', 'aucun', 'ignore*', 'saute*', 'desactive*', 'evite*', 'zero', 'inutile'],
  equal: ['identique*', 'egal', 'egale', 'egaux', 'meme', 'correspond*', 'exactement', 'inchange*'],
  image: ['image*', 'photo*', 'dessin', 'illustration*', 'dall-e', 'generateur d', 'revised_prompt'],
  lettering: ['le mot', 'les mots', 'texte', 'lettres', 'titre', 'inscription', 'slogan', 'enseigne', 'logo', 'ecrit*'],
};

const es: RewriteCues = {
  lang: 'es',
  neg: ['no', 'nunca', 'jamas', 'sin', 'evita*', 'ni', 'ningun', 'ninguna', 'nada de', 'nadie', 'abstente de', 'no quiero que', 'no quiero ninguna', 'prohibido'],
  negAfter: ['nada'],
  rewrite: ['reescrib*', 'reformul*', 'parafrase*', 'embellec*', 'adorn*', 'interpret*', 'enriquec*', 'optimic*', 'optimiz*', 'mejor*', 'amplí*', 'ampli*', 'elabor*', 'revis*'],
  modify: ['modifi*', 'cambi*', 'alter*', 'anad*', 'agreg*', 'toqu*', 'toca*', 'edit*', 'ajust*', 'complet*', 'adapt*'],
  object: ['detalle*', 'nada', 'algo', 'element*', 'palabra*', 'adjetivo*'],
  exact: ['tal cual', 'tal como esta', 'tal como lo', 'tal y como', 'palabra por palabra', 'al pie de la letra', 'literalmente', 'textualmente', 'exactamente como', 'sin cambios', 'sin ningun cambio', 'sin modificar*', 'sin alterar*', 'intacto', 'intacta', 'inalterado', 'inalterada', 'fielmente', 'copia literal', 'copia exacta', 'literal', 'asi tal cual', 'exactamente asi'],
  use: ['us*', 'utiliz*', 'envi*', 'pas*', 'toma*', 'mant*', 'conserv*', 'deja*', 'genera*', 'dibuj*', 'renderiz*', 'segui*', 'sigue'],
  target: ['prompt*', 'promt*', 'descripcion', 'mi texto', 'este texto', 'el texto', 'redaccion', 'mis palabras', 'instruccion', 'entrada', 'peticion', 'solicitud'],
  revision: ['revision', 'reescritura', 'reformulacion', 'parafrasis', 'mejora del prompt', 'optimizacion', 'embellecimiento'],
  without: ['sin', 'ninguna', 'ningun', 'salta*', 'omit*', 'desactiva*', 'evita*', 'cero', 'nada de'],
  equal: ['identic*', 'igual*', 'mismo', 'misma', 'coincid*', 'exactamente', 'correspond*'],
  image: ['imagen*', 'foto*', 'dibujo', 'ilustracion*', 'dall-e', 'generador de imagenes', 'revised_prompt'],
  lettering: ['la palabra', 'las palabras', 'texto', 'letras', 'titulo', 'letrero', 'cartel', 'rotulo', 'logo', 'escrib*'],
};

const it: RewriteCues = {
  lang: 'it',
  neg: ['non', 'mai', 'senza', 'evita*', 'ne', 'nessuno', 'astieniti dal', 'non voglio che'],
  negAfter: ['niente', 'nulla'],
  rewrite: ['riscriv*', 'riformul*', 'parafras*', 'abbell*', 'interpret*', 'arricch*', 'ottimizz*', 'miglior*', 'ampli*', 'elabor*', 'rielabor*'],
  modify: ['modific*', 'cambi*', 'alter*', 'aggiung*', 'tocc*', 'ritocc*', 'aggiust*', 'complet*'],
  object: ['dettagl*', 'niente', 'nulla', 'element*', 'parol*'],
  exact: ['cosi com', 'cosi come', 'parola per parola', 'alla lettera', 'letteralmente', 'testualmente', 'esattamente come', 'invariat*', 'intatt*', 'senza modifiche', 'senza cambiamenti', 'fedelmente'],
  use: ['us*', 'utilizz*', 'invi*', 'pass*', 'prend*', 'mant*', 'conserv*', 'lasci*', 'gener*', 'disegn*'],
  target: ['prompt*', 'descrizione', 'il mio testo', 'questo testo', 'il testo', 'formulazione', 'mie parole', 'richiesta'],
  revision: ['revisione', 'riscrittura', 'riformulazione', 'parafrasi', 'ottimizzazione'],
  without: ['senza', 'nessuna', 'nessun', 'salta*', 'disattiva*', 'evita*'],
  equal: ['identic*', 'ugual*', 'stesso', 'stessa', 'corrispond*', 'coincid*'],
  image: ['immagin*', 'foto*', 'disegno', 'illustrazion*', 'dall-e', 'revised_prompt'],
  lettering: ['la parola', 'le parole', 'testo', 'scritta', 'lettere', 'titolo', 'insegna', 'logo'],
};

const pt: RewriteCues = {
  lang: 'pt',
  neg: ['nao', 'nunca', 'jamais', 'sem', 'evite*', 'nem', 'nenhum', 'nenhuma', 'ninguem', 'abstenha-se de', 'nao quero que'],
  negAfter: ['nada'],
  rewrite: ['reescrev*', 'reformul*', 'parafrase*', 'embelez*', 'enfeit*', 'interpret*', 'enriquec*', 'otimiz*', 'melhor*', 'ampli*', 'elabor*', 'revis*'],
  modify: ['modifi*', 'mud*', 'alter*', 'adicion*', 'acrescent*', 'mexa', 'mexer', 'edit*', 'ajust*', 'complet*'],
  object: ['detalhe*', 'nada', 'algo', 'element*', 'palavra*'],
  exact: ['exatamente como', 'palavra por palavra', 'ao pe da letra', 'literalmente', 'textualmente', 'tal como esta', 'tal como escrevi', 'tal qual', 'sem alteracao', 'sem alteracoes', 'sem nenhuma alteracao', 'sem modificac*', 'sem mudanca*', 'intacto', 'intacta', 'inalterad*', 'fielmente'],
  use: ['us*', 'utiliz*', 'envi*', 'pass*', 'pegue', 'mant*', 'conserv*', 'deix*', 'ger*', 'desenh*'],
  target: ['prompt*', 'descricao', 'meu texto', 'este texto', 'o texto', 'redacao', 'minhas palavras', 'pedido', 'instrucao'],
  revision: ['revisao', 'reescrita', 'reformulacao', 'parafrase', 'otimizacao'],
  without: ['sem', 'nenhuma', 'nenhum', 'pule', 'pular', 'desative', 'evite'],
  equal: ['identic*', 'igual*', 'mesmo', 'mesma', 'coincid*', 'corresponda*'],
  image: ['imagem', 'imagens', 'foto*', 'desenho', 'ilustrac*', 'dall-e', 'revised_prompt'],
  lettering: ['a palavra', 'as palavras', 'texto', 'letras', 'titulo', 'placa', 'letreiro', 'logo'],
};

const ru: RewriteCues = {
  lang: 'ru',
  neg: ['не', 'никогда', 'без', 'ни', 'нельзя', 'избегай'],
  negAfter: ['не надо', 'не нужно', 'нельзя'],
  rewrite: ['переписыва*', 'перепиши*', 'перефразир*', 'приукраш*', 'интерпретир*', 'улучша*', 'улучши*', 'дополня*', 'дополни*', 'расширя*', 'расширь*', 'оптимизир*', 'редактир*'],
  modify: ['измен*', 'меня*', 'добавля*', 'добавь*', 'трога*', 'правь*', 'исправля*', 'поменя*'],
  object: ['детал*', 'ничего', 'ничег*', 'слов*', 'подробност*'],
  exact: ['дословно', 'слово в слово', 'как есть', 'без изменений', 'точно так', 'в точности', 'буквально', 'без правок', 'нетронут*', 'неизменн*'],
  use: ['используй*', 'использу*', 'отправ*', 'переда*', 'бери', 'возьми', 'оставь*', 'сгенерир*', 'нарисуй*', 'рисуй*'],
  target: ['промпт*', 'запрос*', 'описани*', 'текст*', 'формулировк*', 'мои слова'],
  revision: ['переписыван*', 'перефразирован*', 'редактирован*', 'улучшени*', 'доработк*'],
  without: ['без', 'пропусти*', 'отключи*', 'не нужн*'],
  equal: ['совпада*', 'идентич*', 'такой же', 'тот же', 'равен', 'равн*', 'одинаков*'],
  image: ['изображени*', 'картинк*', 'рисун*', 'фото*', 'dall-e', 'revised_prompt'],
  lettering: ['слово', 'надпис*', 'буквы', 'заголов*', 'вывеск*', 'логотип*'],
};

const zh: RewriteCues = {
  lang: 'zh',
  cjk: true,
  neg: ['不要', '不准', '不许', '不許', '请勿', '請勿', '勿', '别', '別', '不得', '无需', '無需', '不用', '不必', '禁止', '切勿', '不能', '避免', '跳过', '跳過', '不需要', '不希望', '不想', '谁都不能', '不许任何人', '不准任何人', '任何人都不'],
  negAfter: ['不要', '不需要', '不用', '免了'],
  rewrite: ['改写', '改寫', '重写', '重寫', '润色', '潤色', '扩写', '擴寫', '扩展', '擴展', '美化', '优化', '優化', '修饰', '修飾', '发挥', '發揮', '改编', '改編', '加工', '改述', '意译', '意譯', '解读', '解讀', '二次创作'],
  modify: ['修改', '更改', '改动', '改動', '变动', '變動', '添加', '增加', '加入', '补充', '補充', '加', '改', '动', '動', '调整', '調整', '删减', '刪減'],
  object: ['细节', '細節', '任何', '描述', '内容', '內容', '东西', '東西', '多余', '多餘', '一个字', '一個字'],
  exact: ['原样', '原樣', '原封不动', '原封不動', '一字不改', '一字不差', '逐字', '照原文', '原文', '原话', '原話', '完全一致', '不变', '不變', '严格按照', '嚴格按照', '照搬', '按原', '一模一样', '一模一樣', '保持原', '一模一样', '一模一樣', '照原样', '照原樣', '原文发送', '原文發送', '按原文'],
  use: ['使用', '用', '生成', '画', '畫', '绘制', '繪製', '传', '傳', '提交', '发送', '發送', '照'],
  target: ['提示词', '提示詞', '示词', '示詞', '提示语', '提示語', '提示', 'prompt', '描述', '文字', '原话', '原話', '文本', '措辞', '措辭', '我写的', '我寫的'],
  revision: ['改写', '改寫', '重写', '重寫', '润色', '潤色', '优化', '優化', '扩写', '擴寫', '修改', '任何修改', '任何改动', '任何改動'],
  without: ['跳过', '跳過', '不要', '无需', '無需', '不需要', '关闭', '關閉', '关掉', '關掉', '关了', '停用', '禁用', '省略', '取消'],
  equal: ['一致', '相同', '一样', '一樣', '等于', '等於', '相等', '同一'],
  image: ['图片', '圖片', '图像', '圖像', '绘图', '繪圖', '画图', '畫圖', '生图', '插画', '插畫', 'dall-e', 'revised_prompt'],
  lettering: ['这个词', '這個詞', '招牌', '标题', '標題', '标语', '標語', '字样', '字樣', '写出', '寫出', '写上', '寫上'],
};

const ja: RewriteCues = {
  lang: 'ja',
  cjk: true,
  neg: ['決して', '絶対に', '一切'],
  negAfter: ['オフ', '無効', 'スキップ', 'しないで', 'しないこと', 'しない', 'せず', 'ないで', 'ないこと', 'なくて', 'やめて', 'やめる', '不要', '禁止', 'いらない', '要らない', 'なし', '控えて', 'ほしくない', '欲しくない', 'ほしくありません', '欲しくありません', 'ないように', 'いけません', '禁止です'],
  rewrite: ['書き換え', '書き直', 'リライト', '言い換え', '改変', '脚色', '装飾', '膨らませ', '膨らま', '拡張', '補完', '解釈', '改善', '最適化', '肉付け', '盛', '言い換え', '書き換え'],
  modify: ['変更', '修正', '追加', '加え', '加筆', '編集', '補足', '付け足', '付け加え', '手を加え', '手を入れ', '変え', '足さ', '足し', '調整', 'いじら', 'いじっ', '変え', '変更', '言い回し'],
  object: ['詳細', '細部', '何も', '一切', '言葉', '要素', '描写'],
  exact: ['そのまま', '一字一句', '文字通り', '原文のまま', '忠実に', '完全に同じ', '一切変更せず', '変更せず', '手を加えず', 'ありのまま', 'オリジナルのまま', 'このまま', 'そのまま', '一字一句同じ'],
  use: ['使', '使用', '生成', '描', '渡', '送', '入力'],
  target: ['プロンプト', '説明', '文章', 'テキスト', '言葉', '文言', '原文', '指示文', '私の書いた', '私が書いた', '表現', '言い回し', '書いたもの'],
  revision: ['書き換え', 'リライト', '改変', '言い換え', '修正', '最適化', '拡張'],
  without: ['なし', '不要', 'スキップ', '省略', '無効', 'オフ'],
  equal: ['同じ', '一致', '等しい', '同一'],
  image: ['画像', 'イラスト', '絵', '写真', 'dall-e', 'revised_prompt'],
  lettering: ['という文字', '看板', 'タイトル', 'ロゴ', '文字を'],
};

const ko: RewriteCues = {
  lang: 'ko',
  cjk: true,
  neg: ['절대', '아무것도', '없이'],
  negAfter: ['지 마', '지마', '지 말', '지말', '하지 않', '지 않', '금지', '필요 없', '필요없', '않았으면', '원하지 않'],
  rewrite: ['다시 쓰', '다시 작성', '재작성', '고쳐 쓰', '바꿔 쓰', '각색', '꾸미', '윤색', '확장', '해석', '개선', '최적화', '보완'],
  modify: ['수정', '변경', '바꾸', '바꿔', '추가', '덧붙이', '덧붙', '고치', '편집', '손대', '더하'],
  object: ['세부', '디테일', '아무것도', '무엇도', '요소', '단어'],
  exact: ['그대로', '토씨 하나', '원문 그대로', '똑같이', '있는 그대로', '글자 그대로', '한 글자도', '이대로'],
  use: ['사용', '써', '생성', '그려', '전달', '보내'],
  target: ['프롬프트', '설명', '텍스트', '문장', '내가 쓴', '제가 쓴', '원문'],
  revision: ['재작성', '수정', '개선', '최적화', '다시 쓰기'],
  without: ['없이', '건너뛰', '생략', '끄', '하지 마'],
  equal: ['똑같', '동일', '같아', '같게', '일치'],
  image: ['이미지', '그림', '사진', '일러스트', 'dall-e', 'revised_prompt'],
  lettering: ['글자를', '문구', '간판', '제목', '로고'],
};

export const REWRITE_CUES: readonly RewriteCues[] = [en, de, fr, es, it, pt, ru, zh, ja, ko];
