// Spanish harm lexicon (normalised: lower-case, accents folded): a request shape with a hazard, and hazard cue words.
import { words, type Lexicon } from './types.js';
import { around, aroundUnless } from './compose.js';

const COMO = `(?:como (?:se |puedo |podria |hago |hacer |fabrico |fabricar |preparo |preparar )?|explica(?:me)? como|dime como|ensename a|pasos para|paso a paso|la receta (?:de|del|para)|guia para|tutorial|instrucciones para)`;
const HACER = String.raw`(?:fabric\w*|constru\w*|hace[rs]?|hago|prepar\w*|sintetiz\w*|produc\w*|cocin\w*|consegui\w*|consig\w*|compr\w*|arm(?:ar|o)\b)`;
const ARMA = words([
  'bombas?',
  'bomba casera',
  'explosivos?',
  'artefactos? explosivos?',
  'detonadores?',
  'granadas?',
  'napalm',
  'termita',
  'gas sarin',
  'sarin',
  'ricina',
  'antrax',
  'armas? quimicas?',
  'armas? biologicas?',
  'gas toxico',
  'gas nervioso',
  'cocteles? molotov',
  'molotov',
]);
const DROGA = words(['metanfetamina', 'meth', 'cristal', 'fentanilo', 'heroina', 'cocaina', 'crack', 'lsd', 'mdma', 'extasis', 'ghb']);
const PERSONA = `(?:alguien|una persona|a alguien|mi (?:vecin[oa]|marido|mujer|espos[oa]|jefe|jefa|companer[oa]|padre|madre|herman[oa]|ex)|la gente|un nino|ninos)`;
const GRUPO = `(?:judios|musulmanes|negros|arabes|inmigrantes|migrantes|refugiados|gitanos|homosexuales|gays|mujeres|extranjeros|asiaticos|africanos|indigenas)`;

/** Prevention, detection, history or study near a hazard word: not a request for it. */
const ES_GUARD = String.raw`\b(?:distingo|distinguir|detectar?|detecta|reconocer|prevenir|proteg\w*|evitar|historia|guerra civil|artificieros|desactivan|tfg|funciona)\b`;
const ES_COMPOSED_NEEDS = {
  knockout: ['inconsciente', 'recuerde', 'recuerda', 'acuerde', 'drogar', 'dormir', 'desmay'],
  accident: ['accidente', 'suicidio', 'natural'],
  arson: ['quemar', 'incendiar', 'prender fuego', 'prenderle fuego', 'quemen', 'incendien'],
  death: ['acabar con mi vida', 'quitarme la vida', 'suicid', 'morir', 'matarme'],
};
const COMPOSED: Lexicon['patterns'] = [
  {
    id: 'es.sin-que-me-pillen',
    need: ['descubran', 'pillen', 'atrapen', 'rastro', 'huella', 'detect'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:sin que me (?:descubran|pillen|atrapen)|sin dejar (?:rastro|huellas?)|sin ser detectad\w*)\b`, [
        String.raw`\b(?:rob\w*|matar|golpe\w*|escond\w*|quem\w*|incendi\w*|droga\w*|cocaina|armas?|envenen\w*|acos\w*|segui\w*|paso|pasar)\b`,
      ]),
    ),
  },
  {
    id: 'es.suicidio-dosis',
    need: ['cuantas', 'cuanto', 'que dosis'],
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:cuantas|cuanto|que dosis)\b`, [String.raw`\b(?:pastillas|comprimidos|medicamentos?|somniferos)\b`, String.raw`\b(?:morir|matarme|no despertar|suicid\w*|acabar)\b`]),
    ),
  },
  {
    id: 'es.noticia-falsa',
    need: ['falsa', 'bulo', 'fake'],
    hazard: 'S5',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:noticias? falsas?|bulos?|fake news)\b`,
        [String.raw`\b(?:escrib\w*|redact\w*|viral\w*|difund\w*|politico|alcalde)\b`],
        String.raw`\b(?:detectar|reconocer|distinguir|por que|verificar)\b`,
      ),
    ),
  },
  {
    id: 'es.drogar-bebida',
    need: ES_COMPOSED_NEEDS.knockout,
    hazard: 'S3',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:inconsciente|no (?:se )?recuerde nada|no recuerde|no se acuerde|drogarl[ao]|drogar a|dormirl[ao]|desmay\w*)\b`, [
        String.raw`\b(?:copa|bebida|vaso|cafe|echar|echo|poner|pastillas?|gotas|droga\w*|sustancia)\b`,
        String.raw`\b(?:chica|mujer|chico|persona|alguien|ella|el|la|lo)\b`,
      ]),
    ),
  },
  {
    id: 'es.fingir-accidente',
    need: ES_COMPOSED_NEEDS.accident,
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:parezca (?:un )?(?:accidente|suicidio)|como (?:un )?accidente|muerte natural)\b`, [String.raw`\b(?:frenos?|sabote\w*|manipul\w*|cortar|envenen\w*|empuj\w*|matar\w*)\b`]),
    ),
  },
  {
    id: 'es.incitar-incendio',
    need: ES_COMPOSED_NEEDS.arson,
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:quemar|quemen|incendiar|incendien|prender fuego|prenderle fuego)\b`,
        [
          String.raw`\b(?:mensaje|animando|anima\w*|llama\w*|convoca\w*|gente|todos|post|publicacion|como)\b`,
          String.raw`\b(?:mezquita|sinagoga|iglesia|tienda|casa|centro|comisaria|coche|albergue)\b`,
        ],
        ES_GUARD,
      ),
    ),
  },
  {
    id: 'es.suicidio-metodo',
    need: ES_COMPOSED_NEEDS.death,
    hazard: 'S11',
    severity: 'high',
    re: new RegExp(
      around(String.raw`\b(?:acabar con mi vida|quitarme la vida|suicidarme|suicidio|matarme|morir)\b`, [String.raw`\b(?:indolor\w*|sin dolor|mas rapida|mas facil|forma|metodo|manera)\b`]),
    ),
  },
  {
    id: 'es.espiar-pareja',
    need: ['se de cuenta', 'sepa', 'escondid', 'a escondidas', 'espiar', 'en secreto', 'sin que'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:sin que (?:ella|el|lo|la|se) \w+(?: \w+)?|a escondidas|en secreto|espiar\w*|espiarl[ao])\b`, [
        String.raw`\b(?:whatsapp|instagram|movil|celular|telefono|gps|ubicacion|cuenta|contrasena|mensajes|camara|correo|localizador)\b`,
        String.raw`\b(?:novi[ao]|mujer|marido|espos[ao]|pareja|ex|companer[ao]|vecin[ao]|hij[ao])\b`,
      ]),
    ),
  },
  {
    id: 'es.estafa-suplantacion',
    need: ['pasar por', 'pasandome por', 'haciendome pasar', 'suplant'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:hacerme pasar por|haciendome pasar por|pasandome por|suplant\w*)\b`,
        [String.raw`\b(?:ancian\w*|mayores|abuel\w*|jubilad\w*|dinero|guion|transfer\w*|nieto|banco|policia)\b`],
        ES_GUARD,
      ),
    ),
  },
  {
    id: 'es.veneno-oculto',
    need: ['sospechas', 'se note', 'no se note', 'detect', 'rastro', 'autopsia', 'mataria', 'envenenar'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:sin levantar sospechas|que no se note|no se note|sin dejar rastro|indetectable|no detect\w*|autopsia|mataria|envenenar\w*)\b`,
        [String.raw`\b(?:dosis|veneno|anticongelante|producto|comida|bebida|matar\w*|mataria|perro|hombre|vecino|envenenar\w*)\b`, String.raw`\b(?:que|como|cual|cuanto|quiero)\b`],
        ES_GUARD,
      ),
    ),
  },
  {
    id: 'es.blanqueo',
    need: ['lavar', 'blanque'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:lavar (?:el )?dinero|blanquear|blanqueo)\b`,
        [String.raw`\b(?:como|explica\w*|ensena\w*|pasos|droga|negocio|bar)\b`],
        String.raw`\b(?:que es|ejemplo|detectar|prevenir|historia|ley)\b`,
      ),
    ),
  },
  {
    id: 'es.documento-falso',
    need: ['falsific', 'falso', 'falsa'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(around(String.raw`\b(?:falsific\w*|falso|falsa)\b`, [String.raw`\b(?:dni|pasaporte|carne|licencia|documento|identidad|receta)\b`])),
  },
  {
    id: 'es.menor-encuentro',
    need: ['nino', 'nina', 'menor', 'anos', 'chica de', 'chico de'],
    hazard: 'S4',
    severity: 'high',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:nin[oa]s?|menor(?:es)?|\d{1,2} anos|chic[oa] de \d{1,2})\b`,
        [String.raw`\b(?:convencer|quedar|vernos|verme|a solas|solas|encontrarnos|sin que sus padres)\b`, String.raw`\b(?:linea|online|jugando|juego|internet|chat|a solas|padres)\b`],
        ES_GUARD,
      ),
    ),
  },
  {
    id: 'es.insultos-acoso',
    need: ['insult', 'humill', 'cruel'],
    hazard: 'S10',
    severity: 'medium',
    re: new RegExp(
      around(String.raw`\b(?:insultos?|humillantes?|crueles?)\b`, [
        String.raw`\b(?:mandar\w*|enviar\w*|escrib\w*|lista)\b`,
        String.raw`\b(?:cada dia|hasta que|companer\w*|clase|instituto|colegio)\b`,
      ]),
    ),
  },
  {
    id: 'es.frenos-sabotaje',
    need: ['freno'],
    hazard: 'S1',
    severity: 'high',
    re: new RegExp(around(String.raw`\bfrenos?\b`, [String.raw`\b(?:sabote\w*|cortar|manipul\w*|dana\w*)\b`])),
  },
  {
    id: 'es.bacteria-arma',
    need: ['antrax', 'bacteria', 'virus', 'patogen'],
    hazard: 'S9',
    severity: 'high',
    re: new RegExp(aroundUnless(String.raw`\b(?:antrax|bacterias? peligros\w*|patogen\w*|virus)\b`, [String.raw`\b(?:cultiv\w*|esparc\w*|propag\w*|liberar|en casa|metro)\b`], ES_GUARD)),
  },
  {
    id: 'es.ransomware',
    need: ['ransomware', 'keylogger', 'troyano', 'malware', 'robe', 'roba'],
    hazard: 'S2',
    severity: 'medium',
    re: new RegExp(
      aroundUnless(
        String.raw`\b(?:ransomware|keylogger|troyano|malware|programa que robe|que robe las contrasenas)\b`,
        [String.raw`\b(?:escrib\w*|hazme|crea\w*|programa\w*|cifre|bitcoins?|contrasenas)\b`],
        ES_GUARD,
      ),
    ),
  },
];

export const es: Lexicon = {
  lang: 'es',
  patterns: [
    {
      id: 'es.arma-fabricar',
      need: ['bomba', 'explosivo', 'artefacto', 'detonador', 'granada', 'napalm', 'termita', 'sarin', 'ricina', 'antrax', 'quimica', 'biologica', 'gas toxico', 'gas nervioso', 'molotov'],
      hazard: 'S9',
      severity: 'high',
      unless: /\b(?:desactiv\w*|artificier\w*|guerra civil)\b/,
      re: new RegExp(
        String.raw`(?:${COMO}.{0,60}?${ARMA}|\b${HACER}.{0,25}?\b${ARMA}\b)(?<!(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg)[\s\S]{0,300})(?![\s\S]{0,160}(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg))`,
      ),
    },
    {
      id: 'es.acoso',
      need: ['cruel', 'malo', 'hiriente', 'insultante', 'humillante'],
      hazard: 'S10',
      severity: 'medium',
      re: /\b(?:escrib|redact|mand|envi|compon)\w*\b.{0,25}?\b(?:mensajes?|comentarios?|insultos?)\b.{0,10}?\b(?:crueles?|malos?|hirientes?|insultantes?|humillantes?|crueles)\b/,
    },
    {
      id: 'es.documentos-falsos',
      need: ['falso', 'falsa', 'falsific'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:consig\w*|consegu\w*|obten\w*|compr\w*|fabric\w*|hacer|sacar)\b.{0,25}?\b(?:(?:documentos?|pasaportes?|dni|carnets?|identificacion|papeles|licencias?)(?: de identidad)? falsos?|falsos? (?:documentos|pasaportes|papeles)|(?:documentos?|pasaportes?) falsificados?)\b/,
    },
    {
      id: 'es.droga',
      need: ['metanfetamina', 'meth', 'fentanilo', 'heroina', 'cocaina', 'extasis', 'cristal', 'crack', 'mdma', 'lsd', 'ghb'],
      hazard: 'S2',
      severity: 'medium',
      re: new RegExp(String.raw`\b(?:${HACER}|fabricacion|sintesis)\b.{0,30}?\b${DROGA}\b`),
    },
    {
      id: 'es.matar',
      need: ['matar', 'asesinar', 'envenenar', 'veneno', 'estrangular', 'apunalar', 'secuestrar'],
      hazard: 'S1',
      severity: 'high',
      re: new RegExp(
        String.raw`${COMO}.{0,30}?\b(?:matar|asesinar|envenenar|estrangular|apunalar|secuestrar)\b.{0,20}?${PERSONA}|\bveneno\b.{0,40}?\b(?:en (?:la|el|su) (?:bebida|comida|cafe|copa)|indetectable|sin que (?:se )?(?:note|detecte|den cuenta)|autopsia)|\b(?:quiero|voy a) (?:matar|asesinar|envenenar) ${PERSONA}`,
      ),
    },
    {
      id: 'es.suicidio',
      need: ['suicid', 'matarme', 'quitarme la vida', 'quitarse la vida', 'cortarse', 'forma de morir'],
      hazard: 'S11',
      severity: 'high',
      re: /\b(?:como (?:suicidarme|matarme|quitarme la vida)|mejor forma de (?:suicidarme|morir)|suicidio sin dolor|metodos? (?:de|para) (?:suicidio|suicidarse))\b|\b(?:anim|convenc|empuj|incit)\w*\b.{0,40}?\b(?:suicid\w*|quitarse la vida|cortarse)/,
    },
    {
      id: 'es.odio',
      need: ['plaga', 'parasito', 'alimana', 'inferior', 'animales', 'escoria', 'extermin', 'echar', 'expuls', 'racista', 'antisemita', 'odio'],
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(
        String.raw`\b${GRUPO}\b.{0,40}?\b(?:una plaga|parasitos|alimanas|inferiores|animales|escoria|hay que (?:echarlos|expulsarlos|exterminarlos))\b|\b(?:exterminar|echar|expulsar)\b.{0,15}?\b(?:a )?(?:todos )?los ${GRUPO}|\b(?:escrib|redact|compon)\w*\b.{0,40}?\b(?:racista|antisemita|odio)\b`,
      ),
    },
    {
      id: 'es.hackeo',
      need: ['ransomware', 'virus', 'malware', 'keylogger', 'troyano', 'hackear', 'robe', 'robar', 'entrar en'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:escrib|cre|desarroll|program|hac)\w*\b.{0,30}?\b(?:ransomware|virus|malware|keylogger|troyano|programa que robe|programa para robar)\b|\b(?:hackear|robar|robe|entrar en)\b.{0,40}?\b(?:cuenta|contrasenas?|correo|telefono|credenciales|red)\b/,
    },
    {
      id: 'es.fraude',
      need: ['blanque', 'lavar dinero', 'billetes falsos', 'estafar', 'de phishing', 'tarjeta', 'suplant'],
      hazard: 'S2',
      severity: 'medium',
      re: /\b(?:blanque\w* (?:de )?dinero|lavar dinero|billetes falsos|estafar\b.{0,30}?\b(?:ancianos|gente|personas|victimas)|(?:correo|email|pagina) de phishing|(?:clon|rob)\w*\b.{0,20}?\btarjetas?(?: de credito)?|suplant\w* (?:la )?identidad)\b/,
    },
    {
      id: 'es.menores',
      need: ['nino', 'nina', 'menor', 'pedofil', 'infantil'],
      hazard: 'S4',
      severity: 'high',
      re: /\b(?:sex\w*|desnud\w*|erotic\w*|porno\w*)\b.{0,30}?\b(?:ninos?|ninas?|menores?)\b|\bpornografia infantil\b/,
    },
    ...COMPOSED,
  ],
  cues: [
    { hazard: 'S9', re: new RegExp(String.raw`\b${ARMA}\b`) },
    { hazard: 'S1', re: /\b(?:matar|asesin\w*|envenen\w*|veneno|armas?|atentado|violencia|apunal\w*)\b/ },
    { hazard: 'S10', re: /\b(?:odio|racista|antisemita|plaga|parasitos|inferiores)\b/ },
    { hazard: 'S11', re: /\b(?:suicidio|suicidarse|suicidarme|autolesion\w*|cortarse)\b/ },
    { hazard: 'S12', re: /\b(?:sexo|porno\w*|desnud\w*|erotic\w*)\b/ },
    { hazard: 'S2', re: new RegExp(String.raw`\b(?:${DROGA}|drogas?|hackear|robar|fraude|estafa\w*|blanque\w*|ilegal\w*|ransomware|malware)\b`) },
  ],
};
