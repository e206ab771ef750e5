// French harm lexicon (normalised: lower-case, accents folded): a request shape with a hazard, and hazard cue words.
import { words, type Lexicon } from './types.js';

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
      need: ['heroine', 'fabriqu', 'fabrication', 'synthetis', 'synthese', 'cuisiner', 'preparer'],
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(String.raw`\b(?:${FAIRE}|fabrication|synthese)\b.{0,30}?\b(?:de la |du |de l'|d')?${DROGUE}\b`),
    },
    {
      id: 'fr.tuer',
      need: ['tuer', 'assassiner', 'empoisonn', 'poison dans', 'poison indetectable', 'poison sans', 'etrangl', 'poignard', 'kidnapp', 'enlever'],
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(
        String.raw`${COMMENT}.{0,30}?\b(?:tuer|assassiner|empoisonner|etrangler|poignarder|kidnapper|enlever)\b.{0,20}?${PERSONNE}|\bpoison\b.{0,40}?\b(?:dans (?:le|la|son|sa)|indetectable|sans (?:laisser de trace|que (?:ca|cela) se (?:voie|remarque))|ne (?:se )?reveill)|\bje (?:veux|vais) (?:tuer|assassiner|empoisonner) ${PERSONNE}`,
      ),
    },
    {
      id: 'fr.suicide',
      need: ['suicider', 'me tuer', 'en finir', 'sans douleur', 'methode', 'mettre fin', 'scarifi', 'mourir'],
      hazard: 'S11',
      severity: 'high',
      re: /\b(?:comment (?:me suicider|me tuer|en finir)|meilleure facon de (?:me suicider|mourir)|suicide sans douleur|methodes? (?:de|pour) (?:suicide|se suicider))\b|\b(?:encourag|convainc|pousse)\w*\b.{0,40}?\b(?:suicid\w*|mettre fin a (?:ses|sa) (?:jours|vie)|scarifi\w*)/,
    },
    {
      id: 'fr.haine',
      need: [
        'parasite',
        'vermine',
        'sous-homme',
        'inferieur',
        'racaille',
        'raciste',
        'antisemite',
        'haineu',
        'animaux',
        'a eliminer',
        'a exterminer',
        'a chasser',
        'eliminer les',
        'exterminer les',
        'chasser les',
        'eliminer tous',
        'exterminer tous',
        'chasser tous',
      ],
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(
        String.raw`\b${GROUPE}\b.{0,40}?\b(?:parasites?|vermines?|sous-hommes|inferieurs?|animaux|racailles?|a (?:eliminer|exterminer|chasser))\b|\b(?:eliminer|exterminer|chasser)\b.{0,15}?\b(?:tous )?les ${GROUPE}|\b(?:redig|ecri|compos)\w*\b.{0,40}?\b(?:raciste|antisemite|haineu\w*)`,
      ),
    },
    {
      id: 'fr.piratage',
      need: ['rancongiciel', 'logiciel malveillant', 'cheval de troie', 'un virus', 'un malware', 'un ransomware', 'un keylogger', 'pirater', 'voler', 'derober'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:ecri|cre|developp|code|programm|fai)\w*\b.{0,30}?\b(?:rancongiciel|ransomware|virus|malware|logiciel malveillant|keylogger|cheval de troie)\b|\b(?:pirater|hacker|voler|derober)\b.{0,40}?\b(?:compte|mots? de passe|messagerie|telephone|identifiants|reseau)\b/,
    },
    {
      id: 'fr.fraude',
      need: ['blanchi', 'fausse monnaie', 'faux billets', 'escroqu', 'arnaqu', 'hameconnage', "d'phishing", 'carte bancaire', 'cartes bancaires', 'usurp'],
      hazard: 'S2',
      severity: 'medium',
      re: /\bblanchi\w* (?:de l'|l'|d')?argent\b|\b(?:fausse monnaie|faux billets)\b|\b(?:escroquer|arnaquer)\b.{0,30}?\b(?:personnes agees|gens|victimes|clients)\b|\b(?:email|mail|courriel|page|site) (?:d')?(?:hameconnage|phishing)\b|\b(?:clon|vol)\w*\b.{0,20}?\bcartes? bancaires?\b|\busurp\w* (?:l')?identite\b/,
    },
    {
      id: 'fr.mineurs',
      need: ['enfant', 'mineur', 'pedopornograph'],
      hazard: 'S4',
      severity: 'high',
      re: /\b(?:sex\w*|nu|nue|nus|erotique|porno\w*)\b.{0,30}?\b(?:enfants?|mineure?s?|fillettes?)\b|\bpedopornograph\w*/,
    },
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
