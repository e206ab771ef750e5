// Spanish harm lexicon (normalised: lower-case, accents folded): a request shape with a hazard, and hazard cue words.
import { words, type Lexicon } from './types.js';

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

export const es: Lexicon = {
  lang: 'es',
  patterns: [
    {
      id: 'es.arma-fabricar',
      need: ['bomba', 'explosivo', 'artefacto', 'detonador', 'granada', 'napalm', 'termita', 'sarin', 'ricina', 'antrax', 'quimica', 'biologica', 'gas toxico', 'gas nervioso', 'molotov'],
      hazard: 'S9',
      severity: 'high',
      re: new RegExp(
        String.raw`(?:${COMO}.{0,60}?${ARMA}|\b${HACER}.{0,25}?\b${ARMA}\b)(?<!(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg)[\s\S]{0,300})(?![\s\S]{0,160}(?:manhattan|hiroshima|nagasaki|guerre mondiale|guerra mundial|weltkrieg))`,
      ),
    },
    {
      id: 'es.acoso',
      need: ['cruel', 'malos', 'hiriente', 'insultante', 'humillante'],
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
      need: ['metanfetamina', 'fentanilo', 'heroina', 'cocaina', 'extasis', 'cristal', 'fabricar', 'fabrico', 'sintetizar', 'sintesis', 'cocinar'],
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
      need: ['suicidarme', 'suicidarse', 'suicidio', 'matarme', 'quitarme la vida', 'quitarse la vida', 'cortarme', 'cortarse'],
      hazard: 'S11',
      severity: 'high',
      re: /\b(?:como (?:suicidarme|matarme|quitarme la vida)|mejor forma de (?:suicidarme|morir)|suicidio sin dolor|metodos? (?:de|para) (?:suicidio|suicidarse))\b|\b(?:anim|convenc|empuj|incit)\w*\b.{0,40}?\b(?:suicid\w*|quitarse la vida|cortarse)/,
    },
    {
      id: 'es.odio',
      need: ['plaga', 'parasito', 'alimana', 'inferior', 'extermin', 'echar', 'expuls', 'racista', 'antisemita', 'escoria'],
      hazard: 'S10',
      severity: 'medium',
      re: new RegExp(
        String.raw`\b${GRUPO}\b.{0,40}?\b(?:una plaga|parasitos|alimanas|inferiores|animales|escoria|hay que (?:echarlos|expulsarlos|exterminarlos))\b|\b(?:exterminar|echar|expulsar)\b.{0,15}?\b(?:a )?(?:todos )?los ${GRUPO}|\b(?:escrib|redact|compon)\w*\b.{0,40}?\b(?:racista|antisemita|odio)\b`,
      ),
    },
    {
      id: 'es.hackeo',
      need: ['un ransomware', 'un virus', 'un malware', 'un keylogger', 'troyano', 'hackear', 'robe ', 'robar', 'contrasena', 'entrar en'],
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
