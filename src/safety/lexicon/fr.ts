// French harm lexicon (normalised: lower-case, accents folded): a request shape with a hazard, and hazard cue words.
import { words, type Lexicon } from './types.js';
import { around, aroundUnless } from './compose.js';

const COMMENT = `(?:comment (?:on |je |puis-je |peut-on |faire |fabriquer |construire )?|explique[rz]?(?:-moi)? comment|dis-moi comment|montre-moi comment|apprends-moi a|etapes? pour|etape par etape|la recette (?:de|du|des)|guide pour|tutoriel|mode d'emploi)`;
const FAIRE = String.raw`(?:fabriqu\w*|construi\w*|faire|fais|prepar\w*|synthetis\w*|produi\w*|cuisin\w*|obteni\w*|obtien\w*|achet\w*|assembl\w*)`;
const ARME = words([
  'bombes?',
  'bombe artisanale',
  'explosifs?',
  'engins? explosifs?',
  'detonateurs?',
  'grenades?',
  'napalm',
  'thermite',
  'gaz sarin',
  'sarin',
  'ricine',
  'anthrax',
  'armes? chimiques?',
  'armes? biologiques?',
  'gaz toxiques?',
  'gaz neurotoxiques?',
  'cocktails? molotov',
  'molotov',
]);
const DROGUE = words(['methamphetamine', 'meth', 'crystal', 'fentanyl', 'heroine', 'cocaine', 'crack', 'lsd', 'mdma', 'ecstasy', 'ghb']);
const PERSONNE = `(?:quelqu'un|une personne|mon (?:voisin|mari|patron|collegue|pere|frere|ex)|ma (?:voisine|femme|patronne|collegue|mere|soeur|ex)|les gens|un enfant|des enfants)`;
const GROUPE = `(?:juifs|musulmans|noirs|arabes|immigres|migrants|refugies|roms|gitans|homosexuels|gays|femmes|etrangers|asiatiques|africains)`;

/** Prevention, detection, history or study near a hazard word: not a request for it. */
const FR_GUARD = String.raw`\b(?:reconnaitre|detecter?|detecte|proteger|protegent|prevenir|eviter|histoire|guerre mondiale|demineurs|neutralisent|memoire|fonctionne|pourquoi)\b`;
const COMPOSED: Lexicon['patterns'] = [
  {
    id: 'fr.sans-se-faire-prendre',
    need: ['prendre', 'attraper', 'pincer', 'trace', 'detection', 'remarque', 'sache', 'soupcon'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(
        String.raw`\b(?:sans (?:me|se|nous) faire (?:prendre|attraper|pincer)|sans laisser de traces?|aucune detection|sans detection|sans que personne (?:ne )?(?:le )?(?:sache|remarque)|sans (?:eveiller|attirer|susciter) (?:de |les |aucuns? )?soupcons?)\b`,
        [String.raw`\b(?:vol\w*|voler|tuer|frapp\w*|cach\w*|incendi\w*|vandal\w*|drogue\w*|arme\w*|empoisonn\w*|harcel\w*|traqu\w*|crimes?|delits?|fraud\w*|frauder|masturb\w*)\b`],
      ),
    ),
  },
  {
    id: 'fr.armes-non-enregistrees',
    need: ['non enregistr', 'non declar', 'numero de serie', 'dark web', 'darkweb', 'darknet', 'sans permis'],
    hazard: 'S9',
    severity: 'medium',
    re: new RegExp(around(String.raw`\b(?:non enregistre\w*|non declare\w*|sans numero de serie|dark ?web|darknet|sans permis)\b`, [String.raw`\b(?:armes?|pistolets?|fusils?|kalachnikov)\b`])),
  },
  {
    id: 'fr.diffamation',
    need: ['diffam', 'fausse', 'faux site', 'rumeur'],
    hazard: 'S5',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:campagne de diffamation|diffamer|diffamatoire\w*|fausses? (?:nouvelles?|informations?|rumeurs?)|faux site|rumeurs?)\b`,
        [String.raw`\b(?:comment|cree\w*|creer|ecri\w*|lancer|efficace\w*|repandre|concurrent\w*)\b`],
        String.raw`\b(?:reconnaitre|proteger|victime|porter plainte|pourquoi)\b`,
      ),
    ),
  },
  {
    id: 'fr.copies-illegales',
    need: ['illegal', 'pirat', 'crack'],
    hazard: 'S8',
    severity: 'medium',
    // A pirate film (« un film de pirates », "a pirate film") is a genre, not a pirated copy.
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:copies? illegales?|illegalement|piratee?s?(?! (?:film|movie|game|book|ship)s?\b)|pirater|crack\w*)\b`,
        [String.raw`\b(?:telecharg\w*|sites?|films?|manuels?|logiciels?|livres?|series?|jeux)\b`],
        String.raw`(?:\b(?:films?|jeux|livres?|series?) (?:de|des|d'un|d'une) pirates\b)`,
      ),
    ),
  },
  {
    id: 'fr.automutilation',
    need: ['automutil', 'scarif', 'me couper', 'me faire du mal'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:automutilation|me scarifier|scarification|me couper|me faire du mal)\b`,
        [String.raw`\b(?:methodes?|comment|perceptibles?|douloureu\w*|cacher|discret\w*|sans que)\b`],
        String.raw`\b(?:aider|arreter|soutenir|ami\w*|enfant|pourquoi)\b`,
      ),
    ),
  },
  {
    id: 'fr.suicide-dose',
    need: ['combien', 'quelle dose', 'quelle quantite'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:combien|quelle dose|quelle quantite)\b`, [
        String.raw`\b(?:comprimes|cachets|pilules|medicaments|somniferes)\b`,
        String.raw`\b(?:mourir|me tuer|en finir|ne plus (?:me )?reveiller|suicid\w*)\b`,
      ]),
    ),
  },
  {
    id: 'fr.phishing-obtenir',
    need: ['phishing', 'hameconnage'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:phishing|hameconnage)\b`,
        [String.raw`\b(?:obtenir|voler|recuperer|coordonnees|bancaires?|mots? de passe|ecris|redige)\b`],
        String.raw`\b(?:reconnaitre|proteger|eviter|detecter|signaler|pourquoi|victime)\b`,
      ),
    ),
  },
  {
    id: 'fr.droguer-verre',
    need: ['souvienne', 'souvient', 'inconscient', 'droguer', 'endormir', 'evanoui'],
    hazard: 'S3',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:ne se souvienne de rien|se souvienne de rien|inconsciente?|droguer|l.?endormir|s.?evanouisse)\b`, [
        String.raw`\b(?:verre|boisson|cafe|mettre|glisser|produit|pilules?|gouttes|drogue)\b`,
      ]),
    ),
  },
  {
    id: 'fr.faux-accident',
    need: ['accident', 'suicide', 'naturelle'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:ressemble a un (?:accident|suicide)|comme un accident|mort naturelle|maquiller en (?:accident|suicide))\b`, [
        String.raw`\b(?:freins?|sabot\w*|trafiqu\w*|couper|empoisonn\w*|pousser)\b`,
      ]),
    ),
  },
  {
    id: 'fr.appel-incendie',
    need: ['incendi', 'bruler', 'mettre le feu', 'brulez'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:incendier|incendiez|bruler|brulez|mettre le feu)\b`,
        [String.raw`\b(?:appel|appelle|ecris|message|post|tract|gens|tous|comment)\b`, String.raw`\b(?:foyer|mosquee|synagogue|eglise|magasin|maison|commissariat|voiture|centre)\b`],
        FR_GUARD,
      ),
    ),
  },
  {
    id: 'fr.suicide-methode',
    need: ['en finir', 'suicid', 'mourir', 'me tuer', 'ma vie'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:en finir|me suicider|suicide|mourir|me tuer|mettre fin a ma vie)\b`, [String.raw`\b(?:methode|moins mal|sans douleur|indolore|plus rapide|facon|maniere)\b`]),
    ),
  },
  {
    id: 'fr.espionner-conjoint',
    need: ['en douce', 'sache', 'remarque', 'rende compte', 'secret', 'espionn', 'insu', 'cachette'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:en douce|sans qu.?(?:elle|il) (?:le )?(?:sache|remarque|s.?en rende compte)|en secret|espionner|a son insu|en cachette)\b`, [
        String.raw`\b(?:traceur|gps|telephone|portable|compte|instagram|whatsapp|messages|camera|mails?|localis\w*)\b`,
        String.raw`\b(?:femme|mari|ex|copine|copain|compagne|compagnon|collegue|voisin\w*|fille|fils)\b`,
      ]),
    ),
  },
  {
    id: 'fr.arnaque-usurpation',
    need: ['passant pour', 'faisant passer', 'faire passer', 'usurp'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:en me faisant passer pour|me faire passer pour|en me passant pour|usurp\w*)\b`,
        [String.raw`\b(?:retraites|personnes agees|argent|script|banque|virement|soutirer)\b`],
        FR_GUARD,
      ),
    ),
  },
  {
    id: 'fr.poison-cache',
    need: ['autopsie', 'se voie', 'detect', 'trace', 'empoisonn'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:autopsie|que ca se voie|sans que ca se voie|indetectable|qu.?on ne detecte pas|sans laisser de traces?|empoisonner)\b`,
        [String.raw`\b(?:dose|poison|mort-aux-rats|produit|plat|tuer\w*|tuerait|chien|empoisonn\w*)\b`],
        FR_GUARD,
      ),
    ),
  },
  {
    id: 'fr.blanchiment',
    need: ['blanchi'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\bblanchi\w* (?:l.?argent|de l.?argent)`,
        [String.raw`\b(?:comment|explique\w*|etapes|drogue|laverie|commerce)\b`],
        String.raw`\b(?:qu.?est-ce que|exemple|detecter|histoire|loi)\b`,
      ),
    ),
  },
  {
    id: 'fr.mineur-rencontre',
    need: ['collegien', 'mineur', 'fillette', 'enfant', ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => `${d} ans`)],
    hazard: 'S4',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:collegien\w*|mineur\w*|\d{1,2} ans|fillette|enfant)\b`,
        [String.raw`\b(?:convaincre|retrouver|rencontrer|voir seule?|seule?s?|en cachette)\b`, String.raw`\b(?:jeu|en ligne|internet|chat|parents|seule?)\b`],
        FR_GUARD,
      ),
    ),
  },
  {
    id: 'fr.messages-humiliants',
    need: ['humili', 'insult', 'mechant', 'cruel'],
    hazard: 'S10',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:humiliants?|insultes?|mechants?|cruels?)\b`, [String.raw`\b(?:envoyer|ecris|messages?)\b`, String.raw`\b(?:chaque jour|jusqu.?a ce qu|camarade|classe|lycee|college)\b`]),
    ),
  },
  {
    id: 'fr.bacterie-arme',
    need: ['bacterie', 'virus', 'anthrax', 'pathogene'],
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(aroundUnless(String.raw`\b(?:bacteries? dangereuses?|anthrax|pathogene\w*|virus)\b`, [String.raw`\b(?:cultiver|repandre|propager|disperser|chez moi|metro)\b`], FR_GUARD)),
  },
  {
    id: 'fr.rancongiciel',
    need: ['rancongiciel', 'ransomware', 'logiciel espion', 'keylogger', 'cheval de troie'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(String.raw`\b(?:rancongiciel|ransomware|logiciel espion|keylogger|cheval de troie)\b`, [String.raw`\b(?:ecris|ecrire|code|cree|chiffre|bitcoins?|enregistre|envoie)\b`], FR_GUARD),
    ),
  },
  {
    id: 'fr.molotov',
    need: ['molotov'],
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(aroundUnless(String.raw`\bcocktails? molotov\b`, [String.raw`\b(?:recette|fabriquer|lancer|faire|comment)\b`], FR_GUARD)),
  },
];

export const fr: Lexicon = {
  lang: 'fr',
  patterns: [
    {
      id: 'fr.arme-fabrication',
      need: ['bombe', 'explosif', 'detonateur', 'grenade', 'napalm', 'thermite', 'sarin', 'ricine', 'anthrax', 'chimique', 'biologique', 'gaz toxique', 'gaz neurotoxique', 'molotov'],
      hazard: 'S9',
      severity: 'high',
      re: new RegExp(
        String.raw`(?:${COMMENT}.{0,60}?${ARME}|\b${FAIRE}\b.{0,25}?\b${ARME}\b)(?<!(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg)[\s\S]{0,300})(?![\s\S]{0,160}(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg))`,
      ),
    },
    {
      id: 'fr.harcelement',
      need: ['mechant', 'cruel', 'blessant', 'insultant', 'humiliant', 'odieux'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:ecri|redig|envoi|compos)\w*\b.{0,25}?\b(?:messages?|commentaires?|insultes?|textos?)\b.{0,10}?\b(?:mechants?|cruels?|blessants?|insultants?|humiliants?|odieux)\b/,
    },
    {
      id: 'fr.faux-papiers',
      need: ['faux', 'fausse', 'falsifi'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:procurer|obtenir|acheter|fabriquer|faire|avoir|trouver)\b.{0,25}?\b(?:faux (?:papiers|passeports?|permis|documents|diplomes)|fausses? cartes? d'identite|(?:papiers|passeports?|documents) falsifies)\b/,
    },
    {
      id: 'fr.drogue',
      need: ['methamphetamine', 'meth', 'fentanyl', 'crystal', 'heroine', 'cocaine', 'ecstasy', 'crack', 'mdma', 'lsd', 'ghb'],
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(String.raw`\b(?:${FAIRE}|fabrication|synthese)\b.{0,30}?\b(?:de la |du |de l'|d')?${DROGUE}\b`),
    },
    {
      id: 'fr.tuer',
      need: ['tuer', 'assassiner', 'empoisonn', 'poison', 'etrangl', 'poignard', 'kidnapp', 'enlever'],
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(
        String.raw`${COMMENT}.{0,30}?\b(?:tuer|assassiner|empoisonner|etrangler|poignarder|kidnapper|enlever)\b.{0,20}?${PERSONNE}|\bpoison\b.{0,40}?\b(?:dans (?:le|la|son|sa)|indetectable|sans (?:laisser de trace|que (?:ca|cela) se (?:voie|remarque))|ne (?:se )?reveill)|\bje (?:veux|vais) (?:tuer|assassiner|empoisonner) ${PERSONNE}`,
      ),
    },
    {
      id: 'fr.suicide',
      need: ['suicid', 'me tuer', 'en finir', 'mettre fin', 'scarifi', 'mourir'],
      hazard: 'S11',
      severity: 'high',
      re: /\b(?:comment (?:me suicider|me tuer|en finir)|meilleure facon de (?:me suicider|mourir)|suicide sans douleur|methodes? (?:de|pour) (?:suicide|se suicider))\b|\b(?:encourag|convainc|pousse)\w*\b.{0,40}?\b(?:suicid\w*|mettre fin a (?:ses|sa) (?:jours|vie)|scarifi\w*)/,
    },
    {
      id: 'fr.haine',
      need: ['parasite', 'vermine', 'sous-homme', 'inferieur', 'racaille', 'raciste', 'antisemite', 'haineu', 'animaux', 'eliminer', 'exterminer', 'chasser'],
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(
        String.raw`\b${GROUPE}\b.{0,40}?\b(?:parasites?|vermines?|sous-hommes|inferieurs?|animaux|racailles?|a (?:eliminer|exterminer|chasser))\b|\b(?:eliminer|exterminer|chasser)\b.{0,15}?\b(?:tous )?les ${GROUPE}|\b(?:redig|ecri|compos)\w*\b.{0,40}?\b(?:raciste|antisemite|haineu\w*)`,
      ),
    },
    {
      id: 'fr.piratage',
      need: ['rancongiciel', 'ransomware', 'virus', 'malware', 'logiciel malveillant', 'keylogger', 'cheval de troie', 'pirater', 'hacker', 'voler', 'derober'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:ecri|cre|developp|code|programm|fai)\w*\b.{0,30}?\b(?:rancongiciel|ransomware|virus|malware|logiciel malveillant|keylogger|cheval de troie)\b|\b(?:pirater|hacker|voler|derober)\b.{0,40}?\b(?:compte|mots? de passe|messagerie|telephone|identifiants|reseau)\b/,
    },
    {
      id: 'fr.fraude',
      need: ['blanchi', 'fausse monnaie', 'faux billets', 'escroqu', 'arnaqu', 'hameconnage', 'phishing', 'bancaire', 'usurp'],
      hazard: 'S2',
      severity: 'medium',
      re: /\bblanchi\w* (?:de l'|l'|d')?argent\b|\b(?:fausse monnaie|faux billets)\b|\b(?:escroquer|arnaquer)\b.{0,30}?\b(?:personnes agees|gens|victimes|clients)\b|\b(?:email|mail|courriel|page|site) (?:d')?(?:hameconnage|phishing)\b|\b(?:clon|vol)\w*\b.{0,20}?\bcartes? bancaires?\b|\busurp\w* (?:l')?identite\b/,
    },
    {
      id: 'fr.mineurs',
      need: ['enfant', 'mineur', 'fillette', 'pedopornograph'],
      hazard: 'S4',
      severity: 'high',
      re: /\b(?:sex\w*|nu|nue|nus|erotique|porno\w*)\b.{0,30}?\b(?:enfants?|mineure?s?|fillettes?)\b|\bpedopornograph\w*/,
    },
    ...COMPOSED,
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(String.raw`\b${ARME}\b`) },
    { hazard: 'S1', re: /\b(?:tuer|meurtre|assassin\w*|empoisonn\w*|poison|arme\w*|attentat|violence|poignard\w*)\b/ },
    { hazard: 'S10', re: /\b(?:haine|raciste|antisemite|parasites?|vermine|inferieurs?)\b/ },
    { hazard: 'S11', re: /\b(?:suicide|suicider|scarifi\w*|automutil\w*)\b/ },
    { hazard: 'S12', re: /\b(?:sexe|porno\w*|nue?s?|erotique)\b/ },
    { hazard: 'S2', re: new RegExp(String.raw`\b(?:${DROGUE}|drogues?|pirat\w*|vol(?:er)?|fraude|blanchi\w*|illegal\w*|escroqu\w*|rancongiciel|malware|virus)\b`) },
  ],
};
