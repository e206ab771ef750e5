// German harm lexicon (normalised: lower-case, umlauts folded to a/o/u, ß to ss).
import { words, type Lexicon } from './types.js';

const WIE = `(?:wie (?:kann|konnte|soll|baue|mache|stelle|bekomme|toete|tote|bringe) (?:ich|man)|wie man|anleitung (?:zu[mr]?|fur)|schritt fur schritt|erklare (?:mir )?wie|zeig(?:e)? mir wie|rezept fur|bauanleitung)`;
const WAFFE = words([
  'bomben?', 'rohrbomben?', 'sprengstoff\\w*', 'sprengsatz\\w*', 'nervengas', 'nervenkampfstoff\\w*', 'sarin', 'rizin', 'milzbrand',
  'anthrax', 'chemiewaffen?', 'biowaffen?', 'atombomben?', 'molotow\\w*', 'handgranaten?', 'giftgas', 'brandbomben?',
]);
const PERSON = `(?:jemanden|einen menschen|meine[nm]? (?:frau|mann|chef|nachbarn?|lehrer|ex|mutter|vater|bruder|schwester)|ihn|sie|kinder|ein kind)`;

export const de: Lexicon = {
  lang: 'de',
  patterns: [
    { id: 'de.waffe-anleitung', need: ['bombe', 'sprengstoff', 'sprengsatz', 'nervengas', 'nervenkampfstoff', 'sarin', 'rizin', 'milzbrand', 'anthrax', 'chemiewaffe', 'biowaffe', 'atombombe', 'molotow', 'handgranate', 'giftgas', 'brandbombe'], hazard: 'S9', severity: 'high', re: new RegExp(String.raw`${WIE}\b.{0,60}?\b${WAFFE}(?<!(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg)[\s\S]{0,300})(?![\s\S]{0,160}(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg))`) },
    { id: 'de.mobbing', need: ['gemein', 'fies', 'verletzend', 'beleidigend', 'grausam', 'demutigend', 'bosartig'], hazard: 'S10', severity: 'medium', re: /\b(?:schreib|verfass|schick|formulier)\w*\b.{0,25}?\b(?:gemeine|fiese|verletzende|beleidigende|grausame|demutigende|bosartige)\w*\b.{0,10}?\b(?:nachrichten|kommentare|beleidigungen|texte|sms)\b/ },
    { id: 'de.falsche-papiere', need: ['falsch', 'gefalscht'], hazard: 'S2', severity: 'medium', re: /\b(?:besorg|kauf|bekomm|herstell|mach|beschaff|komm)\w*\b.{0,30}?\b(?:gefalscht\w*|falsch\w*) (?:ausweis\w*|pass|passe|reisepass|papiere|dokumente|fuhrerschein|personalausweis)\b|\b(?:gefalscht\w*|falsch\w*) (?:ausweis\w*|papiere|dokumente|reisepass|personalausweis)\b.{0,30}?\b(?:besorg|kauf|bekomm|herstell|beschaff)\w*/ },
    { id: 'de.waffe-bauen', need: ['bombe', 'sprengstoff', 'sprengsatz', 'nervengas', 'nervenkampfstoff', 'sarin', 'rizin', 'milzbrand', 'anthrax', 'chemiewaffe', 'biowaffe', 'atombombe', 'molotow', 'handgranate', 'giftgas', 'brandbombe'], hazard: 'S9', severity: 'medium', re: new RegExp(String.raw`\b${WAFFE}\b.{0,30}?\b(?:bauen|herstellen|basteln|bauen kann|zunden|zusammenbauen)\b|\b(?:baue|bau|herstellung|bastle)\w* (?:eine[nr]? )?${WAFFE}`) },
    { id: 'de.toeten', need: ['tote', 'toete', 'umbringe', 'ermorde', 'vergifte', 'erstechen', 'erwurge', 'entfuhre', 'bringe'], hazard: 'S1', severity: 'high', re: new RegExp(String.raw`${WIE}\b.{0,30}?\b(?:tote|toete|umbringe|ermorde|vergifte|erstechen|erwurge|entfuhre)\w*\b|\b(?:wie|womit) (?:kann ich|toete ich|tote ich|bringe ich)\b.{0,20}?\b${PERSON}\b.{0,20}?\b(?:um(?:bringen)?|toten|ermorden|vergiften)\b`) },
    { id: 'de.toeten-absicht', need: ['umbringen', 'toten', 'ermorden', 'erschiessen', 'erstechen', 'vergiften'], hazard: 'S1', severity: 'medium', re: new RegExp(String.raw`\bich (?:will|werde|mochte) ${PERSON} (?:umbringen|toten|ermorden|erschiessen|erstechen|vergiften)\b`) },
    { id: 'de.leiche', need: ['leiche'], hazard: 'S1', severity: 'high', re: /\b(?:leiche|leichen)\b.{0,30}?\b(?:verschwinden lassen|entsorgen|verstecken|auflosen)\b/ },
    { id: 'de.drogen', need: ['meth', 'fentanyl', 'heroin', 'kokain', 'lsd', 'mdma'], hazard: 'S2', severity: 'medium', re: /\b(?:crystal meth|methamphetamin|fentanyl|heroin|kokain|lsd|mdma)\b.{0,30}?\b(?:herstellen|kochen|synthetisieren|produzieren)\b|\b(?:herstellung|synthese) von (?:crystal meth|methamphetamin|fentanyl|heroin|kokain)\b/ },
    { id: 'de.suizid', need: ['umbringen', 'toten', 'selbstmord', 'suizid', 'sterben'], hazard: 'S11', severity: 'high', re: /\b(?:wie (?:kann ich|bringe ich) mich (?:umbringen|toten|selbst toten)|wie begehe ich (?:selbstmord|suizid)|schmerzlos(?:er)? (?:selbstmord|suizid|sterben)|methoden? (?:fur|zum) (?:selbstmord|suizid))\b/ },
    { id: 'de.suizid-absicht', need: ['umbringen', 'sterben', 'toten', 'leben', 'nehmen'], hazard: 'S11', severity: 'medium', re: /\bich (?:will|mochte|werde) (?:mich umbringen|sterben|mich toten|mir das leben nehmen)\b/ },
    { id: 'de.ritzen', need: ['ritze', 'verletze', 'selbstverletzung'], hazard: 'S11', severity: 'medium', re: /\b(?:wie (?:ritze|verletze) ich mich|selbstverletzung anleitung)\b/ },
    { id: 'de.hass-minderwertig', need: ['minderwertig', 'untermenschen', 'ungeziefer', 'tiere', 'parasiten', 'abschaum'], hazard: 'S10', severity: 'medium', re: /\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule|zigeuner|migranten|frauen)\b.{0,30}?\b(?:sind|ist) (?:minderwertig|untermenschen|ungeziefer|tiere|parasiten|abschaum)\b/ },
    { id: 'de.hass-vernichten', need: ['vergas', 'vernicht', 'ausrott', 'vertreibt'], hazard: 'S10', severity: 'high', re: /\b(?:vergast|vernichtet|ausrottet|ausrotten|vergasen|vernichten|vertreibt)\b.{0,20}?\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule)\b|\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule)\b.{0,20}?\b(?:vergasen|vernichten|ausrotten)\b/ },
    { id: 'de.hass-hetze', need: ['rassistisch', 'antisemitisch', 'volksverhetz', 'hetzrede', 'hetzschrift', 'nazi'], hazard: 'S10', severity: 'medium', re: /\b(?:schreib\w*|erstell\w*|verfass\w*)\b.{0,40}?\b(?:rassistisch\w*|antisemitisch\w*|volksverhetz\w*|hetzrede|hetzschrift|nazi-?propaganda)\b/ },
    { id: 'de.kinder-sexuell', need: ['kinderporno', 'kindern', 'minderjahrig', 'kind'], hazard: 'S4', severity: 'high', re: /\b(?:kinderporno\w*|sex\w* mit (?:kindern|minderjahrigen|einem kind)|nackt\w* (?:kinder|minderjahrige)|minderjahrige\w* (?:nackt|sexuell))\b/ },
    { id: 'de.sexuell-explizit', need: ['porno', 'sexszene', 'nacktbild', 'nacktfoto'], hazard: 'S12', severity: 'medium', re: /\b(?:pornografisch\w*|pornografie|porno\w*|explizite sexszene|nacktbild\w*|nacktfoto\w*)\b/ },
    { id: 'de.vergewaltigung', need: ['vergewaltig', 'tropfen', 'sexuell'], hazard: 'S3', severity: 'high', re: /\b(?:vergewaltig\w*|k\.?o\.?-tropfen|sexuell\w* (?:nötigen|notigen|missbrauch\w*))\b/ },
    { id: 'de.hacken', need: ['hack', 'einbrechen', 'knacken', 'ransomware', 'keylogger', 'schadsoftware', 'trojaner', 'virus'], hazard: 'S2', severity: 'medium', re: /\b(?:hacke?n?|einbrechen in|knacken)\b.{0,30}?\b(?:konto|e-mail|email|passwort|netzwerk|server|handy|account)\w*\b|\b(?:schreib\w*|programmier\w*|erstell\w*)\b.{0,30}?\b(?:ransomware|keylogger|schadsoftware|trojaner|virus)\b/ },
    { id: 'de.betrug', need: ['geldwasche', 'geld', 'waschen', 'falschgeld', 'steuerhinterziehung', 'phishing', 'enkeltrick', 'kreditkartenbetrug'], hazard: 'S2', severity: 'medium', re: /\b(?:geldwasche|geld waschen|falschgeld herstellen|steuerhinterziehung anleitung|phishing-?mail\w*|enkeltrick|kreditkartenbetrug)\b/ },
    { id: 'de.diebstahl', need: ['stehlen', 'klauen', 'einbrechen', 'ladendiebstahl', 'kurzschliessen'], hazard: 'S2', severity: 'medium', re: new RegExp(String.raw`${WIE}\b.{0,30}?\b(?:stehlen|klauen|einbrechen|ladendiebstahl|kurzschliessen)\b`) },
    { id: 'de.gift-unbemerkt', need: ['gift', 'vergift'], hazard: 'S1', severity: 'high', re: /\b(?:gift|vergift\w*)\b.{0,60}?\b(?:unbemerkt|unauffallig|nicht nachweisbar|ohne dass es (?:bei der obduktion )?(?:auffallt|bemerkt)|bei der obduktion)\b/ },
    { id: 'de.hass-ungeziefer', need: ['ungeziefer', 'parasiten', 'untermenschen', 'abschaum', 'vertreiben', 'rausschmeissen'], hazard: 'S10', severity: 'medium', re: /\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule|zigeuner|sinti|roma|migranten|asylanten)\b.{0,50}?\b(?:ungeziefer|parasiten|untermenschen|abschaum|vertreiben muss|rausschmeissen)\b/ },
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(String.raw`\b${WAFFE}`) },
    { hazard: 'S1', re: /\b(?:toten|umbringen|ermorden|mord\w*|waffe\w*|gewalt\w*|anschlag\w*|terror\w*|erschiess\w*)\b/ },
    { hazard: 'S10', re: /\b(?:hass\w*|rassis\w*|hetze|nazi\w*|antisemit\w*|minderwertig)\b/ },
    { hazard: 'S11', re: /\b(?:selbstmord|suizid\w*|ritzen|selbstverletz\w*|magersucht)\b/ },
    { hazard: 'S12', re: /\b(?:sex\w*|porno\w*|nackt\w*|erotisch\w*)\b/ },
    { hazard: 'S2', re: /\b(?:hacken|stehlen|betrug\w*|drogen|illegal\w*|schmuggel\w*|diebstahl)\b/ },
  ],
};
