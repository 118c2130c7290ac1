// The command line, as data: every command with its arguments, options and help.
// Three readers share it: commander, built from it for help and every unusual
// command line (args.ts); the quick reader of the common ones (readArgs below), so
// that `list`, `show a9` and `search mot de passe` start without loading commander;
// and shell completion (completion.ts). A test checks that the quick reader and
// commander read alike wherever the quick reader answers.

import { VALUED_GLOBAL_OPTIONS, type CommandName } from './command-names.js';
import { COLOR_MODES, type ColorMode } from './terminal.js';

export interface OptionSpec {
  /** commander's flags: "-n, --limit <n>", "--no-color". */
  flags: string;
  description: string;
  /** The values it takes, when they are a fixed list. */
  choices?: readonly string[];
  /** An option it cannot go with (its attribute name). */
  conflicts?: string;
  /** Parses its value (commander calls it; a bad value throws InvalidArgumentError). */
  parse?: 'limit';
}

export interface CommandSpec {
  name: CommandName;
  description: string;
  /** Its argument, in commander's syntax ("<id...>", "[commande]"), and what it is. */
  argument?: { syntax: string; description: string; choices?: readonly string[] };
  /** What the argument completes to in a shell. */
  completes?: 'ids' | 'shells' | 'commands';
  options: OptionSpec[];
  /** Help after the options: what the command does, its keys (args.ts adds the examples). */
  about?: string;
  /** Command lines to show as examples (data: built as text at each start, they cost 0.1 % of a `list`). */
  examples: string[];
  hidden?: boolean;
}

export type { CommandName };

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export const PROGRAM = {
  name: 'mcp-faq',
  description: 'La FAQ du programme de Certification Microsoft, dans le terminal.',
  usage: '[options] <commande>',
  help: `
Exemples :
  mcp-faq search "mot de passe"    chercher (fautes, accents et anglais compris)
  mcp-faq show a9                  lire une réponse
  mcp-faq show relevé              lire la réponse qui correspond le mieux
  mcp-faq list                     toutes les questions, par catégorie
  mcp-faq                          recherche interactive (sur un terminal)
  mcp-faq mcp                      servir la FAQ aux assistants (serveur MCP)

Codes de sortie : 0 trouvé, 1 rien trouvé, identifiant inconnu ou plusieurs
réponses possibles, 2 erreur d’utilisation ou fichier FAQ invalide, 70 bogue,
74 sortie impossible à écrire, 130 recherche interactive quittée.`,
};

export const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '--faq <fichier>', description: 'utiliser un autre fichier FAQ du même format (ou MCP_FAQ_FILE)' },
  { flags: '--color <quand>', description: 'couleurs : auto, always ou never (auto par défaut)', choices: COLOR_MODES },
  { flags: '--no-color', description: 'sans couleurs (comme --color=never)' },
  { flags: '--no-pager', description: 'ne pas passer par un pager ($PAGER, sinon less) pour les longues sorties' },
  { flags: '--no-cache', description: 'ni lire ni écrire de cache (code compilé, FAQ de --faq ; ou MCP_FAQ_NO_CACHE=1)' },
];

const json = (shape: string): OptionSpec => ({ flags: '--json', description: `en JSON : ${shape}` });

export const COMMANDS: CommandSpec[] = [
  {
    name: 'list',
    description: 'lister les questions, par catégorie',
    options: [json('[{ "id", "category", "question" }]')],
    examples: ['mcp-faq list', 'mcp-faq list --json'],
  },
  {
    name: 'show',
    description: 'afficher la réponse à une ou plusieurs questions',
    argument: { syntax: '<id...>', description: 'identifiants (a1, B2…), ou des mots à chercher' },
    completes: 'ids',
    options: [
      json('{ "id", "category", "question", "answer", "links" } (un tableau pour plusieurs)'),
      { flags: '--raw', description: 'la réponse en markdown, telle quelle', conflicts: 'json' },
    ],
    examples: ['mcp-faq show a9', 'mcp-faq show a1 a5', 'mcp-faq show relevé de notes', 'mcp-faq show a6 --raw'],
  },
  {
    name: 'search',
    description: 'chercher dans les questions et les réponses',
    argument: { syntax: '<requête...>', description: 'les mots à chercher' },
    options: [
      { flags: '-n, --limit <n>', description: 'nombre de résultats au plus (5 par défaut)', parse: 'limit' },
      json('[{ "id", "category", "question", "score" }], le meilleur d’abord'),
    ],
    examples: [
      'mcp-faq search "mot de passe"',
      'mcp-faq search telecharger certificat',
      'mcp-faq search merge profiles --limit 3',
      'mcp-faq search --json mdp',
    ],
  },
  {
    name: 'browse',
    description: 'chercher et lire de façon interactive (ce que fait mcp-faq seul sur un terminal)',
    options: [],
    about:
      '\nTapez quelques mots : la liste des questions se filtre à mesure (fautes, accents\net anglais compris). ↑↓ pour choisir, Entrée pour lire la réponse, Échap ou\nCtrl-C pour quitter (code 130).\n',
    examples: ['mcp-faq browse'],
  },
  {
    name: 'mcp',
    description: 'servir la FAQ aux assistants (serveur MCP sur stdin/stdout)',
    options: [],
    about:
      '\nUn serveur Model Context Protocol : VS Code, Claude Desktop, Cursor… y cherchent\net y lisent les réponses (outils search_faq, get_faq_entry, list_faq). Il répond\nsur stdout, ses messages vont sur stderr ; il s’arrête quand stdin se ferme.\nConfiguration : voir le README.\n',
    examples: ['mcp-faq mcp', 'mcp-faq --faq ma-faq.md mcp'],
  },
  {
    name: 'completion',
    description: 'afficher le script de complétion pour bash, zsh ou fish',
    argument: { syntax: '<shell>', description: 'bash, zsh ou fish', choices: SHELLS },
    completes: 'shells',
    options: [],
    examples: [
      'source <(mcp-faq completion bash)                      # dans ~/.bashrc',
      'mcp-faq completion fish > ~/.config/fish/completions/mcp-faq.fish',
    ],
  },
  {
    name: 'help',
    description: 'afficher l’aide d’une commande',
    argument: { syntax: '[commande]', description: 'la commande' },
    completes: 'commands',
    options: [],
    examples: ['mcp-faq help search'],
  },
  {
    name: '__complete',
    description: 'les candidats de la complétion (pour les scripts de completion)',
    argument: { syntax: '[mots...]', description: 'l’indice du mot à compléter, --, puis la ligne de commande' },
    options: [],
    examples: [],
    hidden: true,
  },
];

/** What a command line asks for, read by commander or by the quick reader. */
export interface Invocation {
  command: CommandName;
  args: string[];
  options: { json?: boolean; raw?: boolean; limit?: number };
  globals: { faq?: string; color?: ColorMode | false; pager?: false };
}

/**
 * Whether the command line is more than global options: a command, or something for
 * commander to judge (help, version, an unknown option).
 */
export function hasCommand(argv: string[]): boolean {
  const names = GLOBAL_OPTIONS.flatMap((o) => optionNames(o.flags));
  return argv.some((arg, i) =>
    arg.startsWith('-') ? !names.includes(arg.split('=')[0]!) : !VALUED_GLOBAL_OPTIONS.includes(argv[i - 1] ?? ''),
  );
}

/**
 * The common command lines, read without commander: a command among list, show,
 * search, browse and mcp, its words, and its options and the global ones, each at most once, as
 * `--option value` (a valid value) or a flag. Anything else — `--option=value`, help,
 * a flag twice, `--`, a word that starts with "-", a bad or missing value or
 * argument — is left to commander: undefined.
 */
export function readArgs(argv: string[]): Invocation | undefined {
  let command: CommandSpec | undefined;
  const args: string[] = [];
  const values = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('-')) {
      const option = [...GLOBAL_OPTIONS, ...(command?.options ?? [])].find((o) => optionNames(o.flags).includes(arg));
      const name = option && longName(option);
      if (!option || !name || values.has(name)) return undefined;
      if (!option.flags.includes('<')) values.set(name, true);
      else {
        const value = argv[++i];
        if (value === undefined || value.startsWith('-') || (option.choices && !option.choices.includes(value))) return undefined;
        if (option.parse === 'limit' && !/^[1-9]\d{0,8}$/.test(value)) return undefined;
        values.set(name, value);
      }
    } else if (!command) {
      command = COMMANDS.find((c) => c.name === arg && QUICK.has(c.name));
      if (!command) return undefined;
    } else if (command.argument?.syntax.endsWith('...>')) args.push(arg);
    else return undefined;
  }
  const both = (a: string, b: string) => values.has(a) && values.has(b);
  if (!command || (command.argument && args.length === 0) || both('--json', '--raw') || both('--color', '--no-color')) return undefined;
  const value = (name: string) => values.get(name);
  return {
    command: command.name,
    args,
    options: {
      ...(value('--json') ? { json: true } : {}),
      ...(value('--raw') ? { raw: true } : {}),
      ...(typeof value('--limit') === 'string' ? { limit: Number(value('--limit')) } : {}),
    },
    globals: {
      ...(typeof value('--faq') === 'string' ? { faq: value('--faq') as string } : {}),
      ...(value('--no-color')
        ? { color: false as const }
        : typeof value('--color') === 'string'
          ? { color: value('--color') as ColorMode }
          : {}),
      ...(value('--no-pager') ? { pager: false as const } : {}),
    },
  };
}

/** An option's long name: "-n, --limit <n>" → "--limit". */
const longName = (option: OptionSpec) => optionNames(option.flags).find((n) => n.startsWith('--'));

/**
 * An option's names in its flags: "-n, --limit <n>" → ["-n", "--limit"]. (Without a
 * regular expression: V8 would compile one at each start, for every command line.)
 */
export const optionNames = (flags: string): string[] =>
  flags
    .split(' ')
    .map((word) => (word.endsWith(',') ? word.slice(0, -1) : word))
    .filter((word) => word.startsWith('-'));

const QUICK = new Set<CommandName>(['list', 'show', 'search', 'browse', 'mcp']);
