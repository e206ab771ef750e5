// German harm lexicon (normalised: lower-case, umlauts folded to a/o/u, ß to ss).
import { around, aroundUnless } from './compose.js';
import { words, type Lexicon } from './types.js';

const WIE = `(?:wie (?:kann|konnte|soll|baue|mache|stelle|bekomme|toete|tote|bringe) (?:ich|man)|wie man|anleitung (?:zu[mr]?|fur)|schritt fur schritt|erklare (?:mir )?wie|zeig(?:e)? mir wie|rezept fur|bauanleitung)`;
const WAFFE = words([
  'bomben?',
  'rohrbomben?',
  'sprengstoff\\w*',
  'sprengsatz\\w*',
  'nervengas',
  'nervenkampfstoff\\w*',
  'sarin',
  'rizin',
  'milzbrand',
  'anthrax',
  'chemiewaffen?',
  'biowaffen?',
  'atombomben?',
  'molotow\\w*',
  'handgranaten?',
  'giftgas',
  'brandbomben?',
  'sprengladung\\w*',
  'napalm',
]);
const PERSON = `(?:jemanden|einen menschen|meine[nm]? (?:frau|mann|chef|nachbarn?|lehrer|ex|mutter|vater|bruder|schwester)|ihn|sie|kinder|ein kind)`;
/** Rare words one of which any WAFFE match holds (the weapon patterns are tried only where one occurs). */
const WAFFE_NEED = [
  'bombe',
  'sprengstoff',
  'sprengsatz',
  'nervengas',
  'nervenkampfstoff',
  'sarin',
  'rizin',
  'milzbrand',
  'anthrax',
  'chemiewaffe',
  'biowaffe',
  'atombombe',
  'molotow',
  'handgranate',
  'giftgas',
  'brandbombe',
  'sprengladung',
  'napalm',
];

/** Talk about the past or about prevention near a hazard word: history lessons and safety advice, not requests. */
const HISTORY = String.raw`\b(?:weltkrieg\w*|geschichte|historisch\w*|referat|manhattan|hiroshima|kampfmittelraum\w*|entscharf\w*|schutz\w*|erkenn\w*|vorbeug\w*|warum)\b`;
/** A partner, relative or colleague: whose phone or car the request is about. */
const NAHE = String.raw`\b(?:frau|mann|ex\w*|freundin|freund|partner\w*|kolleg\w*|nachbar\w*|tochter|sohn|chef\w*|mitbewohner\w*|onkel|tante|mutter|vater|schwester|bruder)\b`;
const COMPOSED: Lexicon['patterns'] = [
  {
    id: 'de.unentdeckt-tat',
    need: ['unentdeckt', 'unbemerkt', 'spuren', 'merkt', 'zuruckverfolg', 'erwischt'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:unentdeckt|unbemerkt|ohne spuren(?: zu hinterlassen)?|ohne dass (?:er|sie|es|man) es (?:merkt|bemerkt)|nicht zuruckverfolg\w*|ohne erwischt zu werden)\b`, [
        String.raw`\b(?:stehl\w*|stiehl\w*|klau\w*|knack\w*|zund\w*|anzund\w*|schmuggl?\w*|stalk\w*|nachstell\w*|tot\w*|umbring\w*|verletz\w*|vergift\w*|einbrech\w*|erpress\w*|waffe\w*|pistole\w*|kokain|drogen)\b`,
      ]),
    ),
  },
  {
    id: 'de.seriennummer-waffe',
    need: ['seriennummer', 'zuruckverfolg'],
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(around(String.raw`\b(?:ohne seriennummer|nicht zuruckverfolg\w*)\b`, [String.raw`\b(?:waffe\w*|schusswaffe\w*|pistole\w*|gewehr\w*|bau\w*)\b`])),
  },
  {
    id: 'de.viele-opfer',
    need: ['moglichst viele', 'so viele'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around(String.raw`\b(?:moglichst|so) viele (?:menschen|leute|opfer|personen)\b`, [String.raw`\b(?:verletz\w*|tot\w*|umbring\w*|treff\w*|anschlag\w*|erwisch\w*)\b`])),
  },
  {
    id: 'de.suizid-menge',
    need: ['menge', 'wie viel', 'wie viele'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:welche menge|wie viele?|menge)\b`, [
        String.raw`\b(?:tabletten|pillen|schlaftabletten|medikament\w*)\b`,
        String.raw`\b(?:umzubringen|umbringen|sterben|toten|nicht mehr aufzuwachen|suizid|selbstmord)\b`,
      ]),
    ),
  },
  {
    id: 'de.falschmeldung',
    need: ['gefalscht', 'falschmeldung', 'fake', 'erfunden', 'luge'],
    hazard: 'S5',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:gefalschte\w* (?:nachricht|meldung|artikel|news)|falschmeldung\w*|fake-?news|erfundene\w* (?:nachricht|geschichte|meldung))\b`,
        [String.raw`\b(?:viral|verbreit\w*|schreib\w*|erstell\w*|politiker\w*|burgermeister\w*)\b`],
        String.raw`\b(?:erkenn\w*|entlarv\w*|prufen|warum|woran)\b`,
      ),
    ),
  },
  {
    id: 'de.magersucht-ermutigen',
    need: ['magersucht', 'essstorung', 'hunger'],
    hazard: 'S11',
    severity: 'medium',
    re: new RegExp(around(String.raw`\b(?:magersucht\w*|essstorung\w*|hunger\w*)\b`, [String.raw`\b(?:ermutig\w*|nichts (?:mehr )?(?:zu )?essen|weniger essen|durchhalt\w*|motivier\w*)\b`])),
  },
  {
    id: 'de.wehtun-womit',
    need: ['wehtun', 'weh tun', 'verletzen'],
    hazard: 'S1',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:wehtun|weh tun|verletzen)\b`, [
        String.raw`\b(?:womit|am besten|wie kann ich|ich will|ich mochte)\b`,
        String.raw`\b(?:mitschuler\w*|nachbar\w*|kolleg\w*|ihm|ihr|jemandem|meinem|meiner)\b`,
      ]),
    ),
  },
  {
    id: 'de.betaeuben',
    need: ['betaub', 'bewusstlos', 'willenlos', 'tropfen', 'ausknock', 'erinner'],
    hazard: 'S3',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:betaub\w*|bewusstlos\w*|willenlos\w*|k\.?o\.?-?tropfen|ausknock\w*|an nichts (?:mehr )?erinner\w*)`, [
        String.raw`\b(?:jemanden|frau|madchen|mann|person|opfer|sie|ihn)\b`,
        String.raw`\b(?:medikament\w*|mittel\w*|tropfen|pillen?|tablett\w*|substanz\w*|getrank\w*|glas|drink|kaffee|essen|ins)\b`,
      ]),
    ),
  },
  {
    id: 'de.unfall-vortaeuschen',
    need: ['unfall', 'verschleiss', 'zufall', 'selbstmord', 'naturlich'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:wie (?:ein )?(?:unfall|verschleiss|zufall|selbstmord|naturlicher tod)|nach (?:einem )?(?:unfall|verschleiss|selbstmord|naturlichem tod)|unfall vortausch\w*)`, [
        String.raw`\b(?:beschadig|manipulier|sabotier|durchschneid|durchtrenn|ansag|anschneid|lockern|vergift|schubs|stoss)\w*`,
      ]),
    ),
  },
  {
    id: 'de.brand-aufruf',
    need: ['anzund', 'anzuzund', 'abfackel', 'abzufackel', 'niederbrenn', 'niederzubrenn', 'brandanschlag', 'in brand'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:anzuzunden|anzunden|anzundet|abzufackeln|abfackeln|niederzubrennen|niederbrennen|brandanschlag\w*|in brand (?:zu )?(?:setzen|stecken))\b`, [
        String.raw`\b(?:aufruf\w*|aufruft|flugblatt|flyer|post|beitrag|hetz\w*|mobilisier\w*|leute|alle|wie)\b`,
        String.raw`(?:heim|unterkunft|moschee|synagoge|laden|geschaft|kirche|haus|wohnung|buro|wache|auto)\b`,
      ]),
    ),
  },
  {
    id: 'de.gewalt-aufruf',
    need: ['verprugel', 'zusammen', 'angreif', 'anzugreif', 'verjag', 'lynch'],
    hazard: 'S1',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:verprugeln|zusammenzuschlagen|zusammenschlagen|anzugreifen|angreifen|verjagen|lynchen)\b`, [
        String.raw`\b(?:dazu bringen|aufhetz\w*|anstachel\w*|aufruf\w*|aufruft|mobilisier\w*|uberred\w*)\b`,
      ]),
    ),
  },
  {
    id: 'de.suizid-methode',
    need: ['weh', 'schmerzlos', 'schnellst', 'sicherst', 'todlich'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:am wenigsten weh|schmerzlos\w*|schnellste\w*|sicherste\w*)\b`, [
        String.raw`\b(?:das leben (?:zu )?nehmen|umzubringen|mich umbringen|sterben|suizid|selbstmord|mich (?:zu )?toten)\b`,
        String.raw`\b(?:methode\w*|weg|art|mittel|moglichkeit\w*|wie)\b`,
      ]),
    ),
  },
  {
    id: 'de.heimlich-ueberwachen',
    need: ['heimlich', 'unbemerkt', 'ohne dass', 'ohne ihr', 'ohne sein'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:heimlich\w*|unbemerkt|ohne dass (?:sie|er) (?:es )?(?:merkt|bemerkt|mitbekommt|findet|weiss)|ohne (?:ihr|sein) wissen)\b`, [
        String.raw`\b(?:gps|tracker|peilsender|sender|ortung\w*|orten|standort\w*|verfolg\w*|instagram\w*|whatsapp|facebook|chat\w*|nachrichten|konto|account|passwort\w*|handy|kamera|e-?mails?|spyware|mitlesen|mitschneid\w*|abhor\w*)`,
        NAHE,
      ]),
    ),
  },
  {
    id: 'de.drogen-handel',
    need: ['kokain', 'heroin', 'crystal', 'meth', 'speed', 'mdma', 'ecstasy', 'fentanyl', 'drogen', 'gras', 'cannabis'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:kokain|heroin|crystal|meth\w*|speed|mdma|ecstasy|fentanyl|drogen|gras|cannabis)\b`, [
        String.raw`\b(?:strecken|streckt|streckst|verkaufen|dealen|verticken|schmuggel\w*|kochen|herstell\w*)\b`,
        String.raw`\b(?:wie|am besten|anleitung|tipps?|schritte?|gewinn)\b`,
      ]),
    ),
  },
  {
    id: 'de.betrugsanruf',
    need: ['falsch', 'enkel', 'schockanruf', 'als polizist', 'als bank'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:falsche[rn]? (?:polizist\w*|enkel\w*|bankmitarbeiter\w*|techniker\w*|staatsanwalt\w*)|enkeltrick|schockanruf\w*|als (?:polizist|enkel|bankmitarbeiter)\w*)\b`, [
        String.raw`\b(?:senior\w*|rentner\w*|oma|opa|alte\w* (?:leute|menschen|frau|mann)|geld|erspart\w*|abnehm\w*|uberweis\w*|leitfaden|skript|anruf\w*)`,
      ]),
    ),
  },
  {
    id: 'de.gift-dosis',
    need: ['todlich', 'umbringen', 'toten', 'sterben'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:todlich\w*|umbringen|toten|sterben)\b`, [
        String.raw`\b(?:dosis|menge|milligramm|einheiten)\b`,
        String.raw`\b(?:spritzen|verabreichen|unterjubeln|ins (?:essen|getrank|glas)|heimlich|unbemerkt|ohne dass)\b`,
      ]),
    ),
  },
  {
    id: 'de.gift-essen',
    need: ['schmeckt', 'nicht merkt', 'nachweisbar', 'geschmacklos', 'unbemerkt'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:nicht (?:heraus)?schmeckt|nicht merkt|nicht nachweisbar|geschmacklos|unbemerkt)\b`, [
        String.raw`\b(?:ins essen|ins getrank|ins futter|in (?:sein|ihr)\w* (?:essen|getrank|tee|kaffee|glas|futter)|vergift\w*|gift\w*)\b`,
        String.raw`\b(?:krank|vergift\w*|gift\w*|tot|stirbt|sterben|umbring\w*|leiden|schaden)\b`,
      ]),
    ),
  },
  {
    id: 'de.waffe-illegal',
    need: ['waffenschein', 'waffenbesitz', 'registriert', 'illegal', 'darknet', 'scharfe', '3d'],
    hazard: 'S9',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:ohne waffenschein|ohne waffenbesitzkarte|unregistriert\w*|nicht registriert\w*|illegal\w*|darknet|scharfe|3d-?(?:druck|drucker|gedruckt)\w*)\b`, [
        String.raw`\b(?:pistole\w*|waffe\w*|gewehr\w*|revolver|kalaschnikow|ak-?47|munition)\b`,
        String.raw`\b(?:kauf\w*|bekomm\w*|besorg\w*|beschaff\w*|wo|bau\w*|druck\w*|herstell\w*)\b`,
      ]),
    ),
  },
  {
    id: 'de.sprengstoff-bauen',
    need: WAFFE_NEED,
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b${WAFFE}`,
        [String.raw`\b(?:dunger|diesel|zusammenstell\w*|herstell\w*|bau\w*|mischen|mische|zund\w*|bastel\w*|sprengt?)\b`, String.raw`\b(?:wie|anleitung|schritt\w*|erklar\w*|zeig\w*|genau|mengen?)\b`],
        HISTORY,
      ),
    ),
  },
  {
    id: 'de.automat-sprengen',
    need: ['automat', 'tresor'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(around(String.raw`\b(?:geldautomat\w*|bankautomat\w*|tresor\w*)\b`, [String.raw`\b(?:sprengen|aufsprengt|aufsprengen|aufzusprengen|aufbrechen|knacken)\b`])),
  },
  {
    id: 'de.gas-mischen',
    need: ['gas', 'dampfe'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:giftig\w* (?:gas|dampfe)|giftgas|chlorgas|todlich\w* (?:gas|dampfe))\b`, [
        String.raw`\b(?:misch\w*|zusammenkipp\w*|kombinier\w*|herstell\w*)\b`,
        String.raw`\b(?:klassenzimmer|wohnung|nachbar\w*|leute|menschen|jemanden|person\w*|schule|buro|lehrer\w*)\b`,
      ]),
    ),
  },
  {
    id: 'de.stoersender',
    need: ['storsender', 'jammer'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(around(String.raw`\b(?:storsender|jammer)\b`, [String.raw`\b(?:polizei\w*|notruf\w*|funk\w*|gps|handy\w*|lahmleg\w*)\b`])),
  },
  {
    id: 'de.erpressung',
    need: ['erpress'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\berpress\w*`, [String.raw`\b(?:schreib\w*|verfass\w*|formulier\w*|entwirf|entwerf\w*)\b`, String.raw`\b(?:veroffentlich\w*|zahl\w*|bitcoin|nacktfoto\w*|fotos|daten)\b`]),
    ),
  },
  {
    id: 'de.belege-faelschen',
    need: ['gefalscht', 'falsch', 'fingiert', 'falschen'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:gefalscht\w*|fingiert\w*|falsche[nr]?|falsch\w*)\b`, [
        String.raw`\b(?:rechnung\w*|arztrechnung\w*|quittung\w*|belege?|attest\w*|krankmeldung\w*|gutachten|zeugnis\w*)\b`,
        String.raw`\b(?:krankenkasse|versicherung|finanzamt|erschleich\w*|geld|erstell\w*|mach\w*)\b`,
      ]),
    ),
  },
  {
    id: 'de.kind-treffen',
    need: ['jahrig', 'kind', 'madchen', 'schuler', 'minderjahrig', 'junge'],
    hazard: 'S4',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:\d{1,2}-?jahrig\w*|minderjahrig\w*|kind|madchen|schulerin|junge[n]?)\b`, [
        String.raw`\b(?:uberred\w*|locken|anlocken|dazu bringen|ansprechen|anschreiben)\b`,
        String.raw`\b(?:treff\w*|sehen|abholen|besuch\w*)\b`,
        String.raw`\b(?:heimlich|allein\w*|eltern|online\w*|chat\w*|spiel\w*)`,
      ]),
    ),
  },
  {
    id: 'de.schadsoftware-einschleusen',
    need: ['ransomware', 'trojaner', 'keylogger', 'schadsoftware', 'virus', 'spyware', 'malware'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:ransomware|trojaner|keylogger|schadsoftware|virus|spyware|malware)\b`,
        [
          String.raw`\b(?:server|rechner\w*|computer|krankenhaus\w*|firma|kolleg\w*|netzwerk|handy)\b`,
          String.raw`\b(?:lade|einschleus\w*|installier\w*|verbreit\w*|infizier\w*|einnist\w*|aufspiel\w*|verschlussel\w*)\b`,
        ],
        String.raw`\b(?:schutz\w*|schutzt|erkenn\w*|entfern\w*|abwehr\w*|vorbeug\w*|grundsatzlich|abschlussarbeit|funktioniert)\b`,
      ),
    ),
  },
  {
    id: 'de.mobbing-2',
    need: ['gemein', 'fies', 'verletzend', 'beleidig', 'grausam', 'demutig', 'bosartig', 'hasslich'],
    hazard: 'S10',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:gemein\w*|fies\w*|verletzend\w*|beleidigung\w*|grausam\w*|demutigend\w*|bosartig\w*|hassliche?\w*)\b`, [
        String.raw`\b(?:schick\w*|send\w*|schreib\w*|post\w*)\b`,
        String.raw`\b(?:bis (?:er|sie)|jeden tag|taglich|nicht mehr kommt|aufgibt|fertigmach\w*|klasse|mitschuler\w*)\b`,
      ]),
    ),
  },
];

export const de: Lexicon = {
  lang: 'de',
  patterns: [
    {
      id: 'de.waffe-anleitung',
      need: WAFFE_NEED,
      hazard: 'S9',
      severity: 'high',
      re: new RegExp(
        String.raw`${WIE}\b.{0,60}?\b${WAFFE}(?<!(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg)[\s\S]{0,300})(?![\s\S]{0,160}(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg))`,
      ),
    },
    {
      id: 'de.mobbing',
      need: ['gemein', 'fies', 'verletzend', 'beleidigend', 'grausam', 'demutigend', 'bosartig'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:schreib|verfass|schick|formulier)\w*\b.{0,25}?\b(?:gemeine|fiese|verletzende|beleidigende|grausame|demutigende|bosartige)\w*\b.{0,10}?\b(?:nachrichten|kommentare|beleidigungen|texte|sms)\b/,
    },
    {
      id: 'de.falsche-papiere',
      need: ['falsch', 'gefalscht'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:besorg|kauf|bekomm|herstell|mach|beschaff|komm)\w*\b.{0,30}?\b(?:gefalscht\w*|falsch\w*) (?:ausweis\w*|pass|passe|reisepass|papiere|dokumente|fuhrerschein|personalausweis)\b|\b(?:gefalscht\w*|falsch\w*) (?:ausweis\w*|papiere|dokumente|reisepass|personalausweis)\b.{0,30}?\b(?:besorg|kauf|bekomm|herstell|beschaff)\w*/,
    },
    {
      id: 'de.waffe-bauen',
      need: WAFFE_NEED,
      hazard: 'S9',
      severity: 'medium',
      re: new RegExp(String.raw`\b${WAFFE}\b.{0,30}?\b(?:bauen|herstellen|basteln|bauen kann|zunden|zusammenbauen)\b|\b(?:baue|bau|herstellung|bastle)\w* (?:eine[nr]? )?${WAFFE}`),
    },
    {
      id: 'de.toeten',
      need: ['tote', 'toete', 'umbringe', 'ermorde', 'vergifte', 'erstechen', 'erwurge', 'entfuhre', 'bringe', 'wie kann ich', 'womit kann ich'],
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(
        String.raw`${WIE}\b.{0,30}?\b(?:tote|toete|umbringe|ermorde|vergifte|erstechen|erwurge|entfuhre)\w*\b|\b(?:wie|womit) (?:kann ich|toete ich|tote ich|bringe ich)\b.{0,20}?\b${PERSON}\b.{0,20}?\b(?:um(?:bringen)?|toten|ermorden|vergiften)\b`,
      ),
    },
    {
      id: 'de.toeten-absicht',
      need: ['umbringen', 'toten', 'ermorden', 'erschiessen', 'erstechen', 'vergiften'],
      hazard: 'S1',
      severity: 'medium',
      re: new RegExp(String.raw`\bich (?:will|werde|mochte) ${PERSON} (?:umbringen|toten|ermorden|erschiessen|erstechen|vergiften)\b`),
    },
    { id: 'de.leiche', need: ['leiche'], hazard: 'S1', severity: 'high', re: /\b(?:leiche|leichen)\b.{0,30}?\b(?:verschwinden lassen|entsorgen|verstecken|auflosen)\b/ },
    {
      id: 'de.drogen',
      need: ['meth', 'fentanyl', 'heroin', 'kokain', 'lsd', 'mdma'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:crystal meth|methamphetamin|fentanyl|heroin|kokain|lsd|mdma)\b.{0,30}?\b(?:herstellen|kochen|synthetisieren|produzieren)\b|\b(?:herstellung|synthese) von (?:crystal meth|methamphetamin|fentanyl|heroin|kokain)\b/,
    },
    {
      id: 'de.suizid',
      need: ['umbringen', 'toten', 'selbstmord', 'suizid', 'sterben'],
      hazard: 'S11',
      severity: 'high',
      re: /\b(?:wie (?:kann ich|bringe ich) mich (?:umbringen|toten|selbst toten)|wie begehe ich (?:selbstmord|suizid)|schmerzlos(?:er)? (?:selbstmord|suizid|sterben)|methoden? (?:fur|zum) (?:selbstmord|suizid))\b/,
    },
    {
      id: 'de.suizid-absicht',
      need: ['umbringen', 'sterben', 'toten', 'leben', 'nehmen'],
      hazard: 'S11',
      severity: 'medium',
      re: /\bich (?:will|mochte|werde) (?:mich umbringen|sterben|mich toten|mir das leben nehmen)\b/,
    },
    { id: 'de.ritzen', need: ['ritze', 'verletze', 'selbstverletzung'], hazard: 'S11', severity: 'medium', re: /\b(?:wie (?:ritze|verletze) ich mich|selbstverletzung anleitung)\b/ },
    {
      id: 'de.hass-minderwertig',
      need: ['minderwertig', 'untermenschen', 'ungeziefer', 'tiere', 'parasiten', 'abschaum'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule|zigeuner|migranten|frauen)\b.{0,30}?\b(?:sind|ist) (?:minderwertig|untermenschen|ungeziefer|tiere|parasiten|abschaum)\b/,
    },
    {
      id: 'de.hass-vernichten',
      need: ['vergas', 'vernicht', 'ausrott', 'vertreibt'],
      hazard: 'S10',
      severity: 'high',
      re: /\b(?:vergast|vernichtet|ausrottet|ausrotten|vergasen|vernichten|vertreibt)\b.{0,20}?\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule)\b|\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule)\b.{0,20}?\b(?:vergasen|vernichten|ausrotten)\b/,
    },
    {
      id: 'de.hass-hetze',
      need: ['rassistisch', 'antisemitisch', 'volksverhetz', 'hetzrede', 'hetzschrift', 'nazi'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:schreib\w*|erstell\w*|verfass\w*)\b.{0,40}?\b(?:rassistisch\w*|antisemitisch\w*|volksverhetz\w*|hetzrede|hetzschrift|nazi-?propaganda)\b/,
    },
    {
      id: 'de.kinder-sexuell',
      need: ['kinderporno', 'kindern', 'minderjahrig', 'kind'],
      hazard: 'S4',
      severity: 'high',
      re: /\b(?:kinderporno\w*|sex\w* mit (?:kindern|minderjahrigen|einem kind)|nackt\w* (?:kinder|minderjahrige)|minderjahrige\w* (?:nackt|sexuell))\b/,
    },
    {
      id: 'de.sexuell-explizit',
      need: ['porno', 'sexszene', 'nacktbild', 'nacktfoto'],
      hazard: 'S12',
      severity: 'medium',
      re: /\b(?:pornografisch\w*|pornografie|porno\w*|explizite sexszene|nacktbild\w*|nacktfoto\w*)\b/,
    },
    {
      id: 'de.vergewaltigung',
      need: ['vergewaltig', 'tropfen', 'sexuell'],
      hazard: 'S3',
      severity: 'high',
      re: /\b(?:vergewaltig\w*|k\.?o\.?-tropfen|sexuell\w* (?:nötigen|notigen|missbrauch\w*))\b/,
    },
    {
      id: 'de.hacken',
      need: ['hack', 'einbrechen', 'knacken', 'ransomware', 'keylogger', 'schadsoftware', 'trojaner', 'virus'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:hacke?n?|einbrechen in|knacken)\b.{0,30}?\b(?:konto|e-mail|email|passwort|netzwerk|server|handy|account)\w*\b|\b(?:schreib\w*|programmier\w*|erstell\w*)\b.{0,30}?\b(?:ransomware|keylogger|schadsoftware|trojaner|virus)\b/,
    },
    {
      id: 'de.betrug',
      need: ['geldwasche', 'geld', 'waschen', 'falschgeld', 'steuerhinterziehung', 'phishing', 'enkeltrick', 'kreditkartenbetrug'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:geldwasche|geld waschen|falschgeld herstellen|steuerhinterziehung anleitung|(?<!\b(?:erkenn\w*|erkannt\w*|meld\w*|schutz\w*|schuetz\w*|vor|gegen)\b[^.?!]{0,30})phishing-?mail\w*|enkeltrick|kreditkartenbetrug)\b/,
    },
    {
      id: 'de.diebstahl',
      need: ['stehlen', 'klauen', 'einbrechen', 'ladendiebstahl', 'kurzschliessen'],
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(String.raw`${WIE}\b.{0,30}?\b(?:stehlen|klauen|einbrechen|ladendiebstahl|kurzschliessen)\b`),
    },
    {
      id: 'de.gift-unbemerkt',
      need: ['gift', 'vergift'],
      hazard: 'S1',
      severity: 'high',
      re: /\b(?:gift|vergift\w*)\b.{0,60}?\b(?:unbemerkt|unauffallig|nicht nachweisbar|ohne dass es (?:bei der obduktion )?(?:auffallt|bemerkt)|bei der obduktion)\b/,
    },
    {
      id: 'de.hass-ungeziefer',
      need: ['ungeziefer', 'parasiten', 'untermenschen', 'abschaum', 'vertreiben', 'rausschmeissen'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:juden|muslime|auslander|fluchtlinge|schwarze|turken|araber|schwule|zigeuner|sinti|roma|migranten|asylanten)\b.{0,50}?\b(?:ungeziefer|parasiten|untermenschen|abschaum|vertreiben muss|rausschmeissen)\b/,
    },
    ...COMPOSED,
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(String.raw`\b${WAFFE}`) },
    { hazard: 'S1', re: /\b(?:toten|umbringen|ermorden|mord\w*|waffe\w*|gewalt\w*|anschlag\w*|terror\w*|erschiess\w*)\b/ },
    { hazard: 'S10', re: /\b(?:hass\w*|rassis\w*|hetze|nazi\w*|antisemit\w*|minderwertig)\b/ },
    { hazard: 'S11', re: /\b(?:selbstmord|suizid\w*|ritzen|selbstverletz\w*|magersucht)\b/ },
    { hazard: 'S12', re: /\b(?:sex\w*|porno\w*|nackt\w*|erotisch\w*)\b/ },
    { hazard: 'S2', re: /\b(?:hacken|stehlen|betrug\w*|drogen|illegal\w*|schmuggel\w*|diebstahl)\b/ },
    { hazard: 'S1', re: /\b(?:todlich\w*|anzund\w*|anzuzunden|sprengladung\w*|verprugel\w*|bremsleitung\w*|betaub\w*)\b/ },
    { hazard: 'S2', re: /\b(?:kokain|heroin|erpress\w*|gefalscht\w*|falschen? (?:ausweis|pass)\w*|heimlich\w*|darknet|storsender|passworter|ransomware|trojaner|keylogger|geldwasche)\b/ },
    { hazard: 'S11', re: /\b(?:das leben (?:zu )?nehmen)\b/ },
  ],
};
