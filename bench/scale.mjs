// npm run bench:scale [sizes…]: how the built CLI copes with large FAQs given by --faq.
// Generates FAQs in our format (front matter, table of contents with anchors, one
// question and answer per entry, about 660 bytes an entry, varied French text with
// product names, lists, links and bold) of 1,000 and 10,000 entries (or the sizes
// given) into a temporary folder, then measures, as a user would run them:
//   list, search <words>, show <id>: wall time (median of RUNS runs) and peak RSS,
//   each cold (the file's first run: its cache of derived data, see
//   src/faq-cache.ts, removed before each run) and cached (the next runs: read from
//   it); the code caches of src/main.ts are made by a first run, uncounted;
//   a finder keystroke: one search(query, {prefix, snippets, limit: all}) on a
//   searcher already built (dist/search.js in this process), and the snippets of a
//   screenful of its results (20) read, median of 15.
// `node bench/scale.mjs --write N FILE` only writes a generated FAQ (for profiling).
// Every process runs without NODE_EXTRA_CA_CERTS (see ../shared/tools/startup-ratio.mjs).
// Goals at 10,000 entries: search ≤ 0.5 s, list and show ≤ 0.3 s, peak RSS ≤ 200 MiB,
// keystroke ≤ 50 ms; the exit code says whether they are met (times: cached runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importSources } from '../src/build/bundle-data.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/mcp-faq.js');
const RUNS = Number(process.env.RUNS ?? 5);
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const GOALS = { search: 0.5, list: 0.3, show: 0.3, rss: 200, keystroke: 50 };

// --- A deterministic generator of FAQ-like French text.

function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = (s) => s.trim().split(/\s*\|\s*/);
const VERBS = words(`accéder à | modifier | supprimer | retrouver | télécharger | activer | désactiver | renouveler | transférer |
  partager | consulter | configurer | réinitialiser | exporter | importer | fusionner | vérifier | annuler | valider | signaler |
  imprimer | synchroniser | restaurer | associer | dissocier | mettre à jour | envoyer | recevoir | installer | désinstaller`);
const OBJECTS = words(`mon compte | mon profil | mon mot de passe | mon adresse électronique | mon abonnement | ma facture |
  mon certificat | mon relevé de notes | mon badge | ma licence | mon historique | mes préférences | mon numéro de client |
  mon espace personnel | ma commande | mon contrat | mes données personnelles | mon identifiant | mon tableau de bord |
  ma signature électronique | mon attestation | mon rendez-vous | ma réservation | mon dossier | ma demande de remboursement |
  mes notifications | ma carte de membre | mon justificatif de domicile | mon code d’accès | ma photo de profil`);
const CONTEXTS = words(`depuis l’application mobile | sur le portail | après un changement d’emploi | sans connexion internet |
  depuis l’étranger | pour un autre utilisateur | après la date limite | en cas de perte | sur plusieurs appareils |
  pour mon entreprise | avec un compte professionnel | après une fusion de comptes | pendant une maintenance |
  avant la fin de la période d’essai | depuis un navigateur ancien | en tant qu’administrateur`);
const OPENINGS = words(
  `Comment puis-je | Est-il possible de | Que faire pour | Pourquoi ne puis-je pas | Où puis-je | Combien de temps faut-il pour`,
);
const STEPS = words(`Connectez-vous à votre espace personnel | Ouvrez le menu Paramètres | Sélectionnez l’onglet Sécurité |
  Cliquez sur le bouton Modifier | Vérifiez les informations affichées | Enregistrez vos changements |
  Attendez le courriel de confirmation | Suivez le lien reçu par message | Renseignez le formulaire en ligne |
  Joignez une pièce justificative | Patientez quelques minutes puis actualisez la page | Choisissez le format PDF`);
const SENTENCES =
  words(`Cette opération peut prendre jusqu’à 48 heures ouvrables | Le service client vous répondra dans les meilleurs délais |
  Les modifications sont visibles après votre prochaine connexion | Conservez une copie du document pour vos archives |
  Cette option n’est disponible que pour les comptes vérifiés | Un message de confirmation vous est envoyé à chaque étape |
  Les données supprimées ne peuvent pas être restaurées | Vérifiez que votre navigateur accepte les cookies |
  Les administrateurs peuvent gérer les accès de leur équipe | La procédure est identique sur ordinateur et sur mobile |
  En cas de difficulté, consultez notre centre d’aide | Les frais éventuels sont indiqués avant la validation |
  Votre demande est traitée par ordre d’arrivée | Le délai de traitement dépend de la période de l’année`);
const SYLLABLES = words(
  'ar | bel | cor | dan | el | fa | gor | hel | is | jan | kor | lum | mar | nel | or | pal | quin | ros | sel | tar | ul | ver | xan | yl | zor',
);

function faqText(n, seed = 42) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const name = () => {
    const k = 2 + Math.floor(rnd() * 2);
    let s = '';
    for (let i = 0; i < k; i++) s += pick(SYLLABLES);
    return s[0].toUpperCase() + s.slice(1);
  };
  const products = Array.from({ length: Math.max(50, Math.round(n / 4)) }, name);
  const perCategory = 25;
  const categories = Array.from(
    { length: Math.ceil(n / perCategory) },
    (_, c) => `${pick(OBJECTS).replace(/^(mon|ma|mes) /, '')} ${products[c % products.length]} ${c + 1}`,
  );
  const entries = Array.from({ length: n }, (_, i) => {
    const product = pick(products);
    const question = `${pick(OPENINGS)} ${pick(VERBS)} ${pick(OBJECTS)} ${product} ${pick(CONTEXTS)} ?`.replace(/ de ([aeéiou])/g, ' d’$1');
    const steps = Array.from(
      { length: 2 + Math.floor(rnd() * 3) },
      (_, k) => `${k + 1}. ${pick(STEPS)}${rnd() < 0.3 ? ` de **${product}**` : ''}`,
    );
    const answer = [
      `Pour ${pick(VERBS)} ${pick(OBJECTS)} ${product}, suivez les étapes ci-dessous :`,
      '',
      ...steps,
      '',
      `${pick(SENTENCES)}. ${pick(SENTENCES)} ([en savoir plus](https://example.org/${product.toLowerCase()}/${i})).${rnd() < 0.7 ? ` ${pick(SENTENCES)}.` : ''}`,
    ].join('\n');
    return { id: `q${i + 1}`, category: Math.floor(i / perCategory), question, answer };
  });
  const toc = categories.flatMap((c, k) => [
    `### ${c}`,
    ...entries.filter((e) => e.category === k).map((e, j) => `${j + 1}. [${e.question}](#${e.id})`),
    '',
  ]);
  const body = categories.flatMap((c, k) => [
    `## ${c}`,
    '',
    ...entries
      .filter((e) => e.category === k)
      .flatMap((e) => [`**Q: ${e.question}**<a name="${e.id}"></a>`, '', `**R:** ${e.answer}`, '', '<br/>', '']),
  ]);
  return [
    '---',
    `title: FAQ générée (${n} entrées)`,
    'ms.date: 01/02/2025',
    '---',
    '',
    '# FAQ générée',
    '',
    '## Sommaire',
    '',
    ...toc,
    ...body,
  ].join('\n');
}

// --- Measures.

const dir = mkdtempSync(join(tmpdir(), 'mcp-faq-scale-'));
const env = { ...process.env, XDG_CACHE_HOME: join(dir, 'cache') };
delete env.NODE_EXTRA_CA_CERTS;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Removes the caches of derived data (not the code caches). */
function clearDataCache() {
  const root = join(env.XDG_CACHE_HOME, 'mcp-faq');
  for (const build of existsSync(root) ? readdirSync(root) : [])
    for (const file of readdirSync(join(root, build))) if (/\.(faq|index)$/.test(file)) rmSync(join(root, build, file));
}

/** Wall seconds and peak RSS (MiB) of the CLI, median of RUNS runs: cold (no cache of the file's data) or cached. */
function measure(args, cold) {
  const walls = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    if (cold) clearDataCache();
    const t = process.hrtime.bigint();
    const r = existsSync('/usr/bin/time')
      ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, bin, ...args], {
          env,
          encoding: 'utf8',
          stdio: ['ignore', 'ignore', 'pipe'],
        })
      : spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    walls.push(Number(process.hrtime.bigint() - t) / 1e9);
    if (r.status !== 0) throw new Error(`mcp-faq ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
    const kib = Number(r.stderr.trim().split('\n').pop());
    if (kib > 0) rss.push(kib / 1024);
  }
  return { wall: median(walls), rss: rss.length ? median(rss) : NaN };
}

/** parseFaq from src/faq.ts (bundled in memory), searcherFor from the built dist/search.js. */
async function engine() {
  const { parseFaq } = await importSources({ entryPoints: [join(root, 'src/faq.ts')] });
  const { chunkLoader } = createRequire(import.meta.url)(join(root, 'dist/main.js'));
  return { parseFaq, searcherFor: chunkLoader(join(root, 'dist')).load('search').searcherFor };
}

async function keystroke(text, query) {
  const { parseFaq, searcherFor } = await engine();
  const faq = parseFaq(text, 'scale.md');
  const searcher = await searcherFor(faq, false);
  const options = { prefix: true, snippets: true, limit: faq.entries.length };
  await searcher.search(query, options); // the first keystroke also loads what the engine loads lazily
  const times = [];
  let found = 0;
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    const outcome = await searcher.search(query, options);
    for (const r of outcome.results.slice(0, 20)) void r.snippet.text;
    times.push(performance.now() - t);
    found = outcome.results.length;
  }
  return { ms: median(times), found };
}

if (process.argv[2] === '--write') {
  // node bench/scale.mjs --write N FILE: only write a generated FAQ (for profiling).
  writeFileSync(process.argv[4], faqText(Number(process.argv[3])));
  process.exit(0);
}

let ok = true;
try {
  console.log(`node ${process.version}, ${RUNS} runs each (medians), no NODE_EXTRA_CA_CERTS\n`);
  console.log('entries   size      run     list              search            show              keystroke');
  for (const n of sizes.length ? sizes : [1000, 10000]) {
    const text = faqText(n);
    const file = join(dir, `faq-${n}.md`);
    writeFileSync(file, text);
    const commands = [['list'], ['search', '--json', 'modifier mot de passe profil'], ['show', `q${Math.ceil(n / 2)}`]];
    for (const args of commands) spawnSync(process.execPath, [bin, '--faq', file, ...args], { env, stdio: 'ignore' }); // the code caches
    const key = await keystroke(text, 'modifier mon mot de pa');
    const cell = (m) => `${m.wall.toFixed(3)} s ${m.rss.toFixed(0).padStart(3)} Mio`.padEnd(18);
    let list, search, show;
    for (const cold of [true, false]) {
      [list, search, show] = commands.map((args) => measure(['--faq', file, ...args], cold));
      console.log(
        `${cold ? `${String(n).padEnd(9)} ${`${(text.length / 1e6).toFixed(1)} Mo`.padEnd(9)}` : ' '.repeat(19)} ${cold ? 'cold   ' : 'cached '} ${cell(list)}${cell(search)}${cell(show)}${cold ? '' : `${key.ms.toFixed(1)} ms (${key.found} résultats)`}`,
      );
    }
    if (n === 10000) {
      ok =
        search.wall <= GOALS.search &&
        list.wall <= GOALS.list &&
        show.wall <= GOALS.show &&
        !(Math.max(list.rss, search.rss, show.rss) > GOALS.rss) &&
        key.ms <= GOALS.keystroke;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = ok ? 0 : 1;
