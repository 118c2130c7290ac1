// Shell completion: `mcp-faq completion bash|zsh|fish` prints a script; the script
// asks `mcp-faq __complete <index> -- <words…>` for the candidates of the word being
// typed, so that they follow the program (commands and options, from the table of
// commands.ts) and the FAQ in use (ids, with their question as description;
// MCP_FAQ_FILE and --faq count).

import { optionNames, SHELLS, type CommandSpec as TableCommand, type OptionSpec as TableOption, type Shell } from './commands.js';

interface OptionSpec {
  names: string[];
  description: string;
  /** Values it takes, when known (--color); [] for a free value (--faq); undefined: a flag. */
  values?: string[];
}

interface CommandSpec {
  name: string;
  description: string;
  options: OptionSpec[];
  /** What its arguments are: ids (show), shells (completion), commands (help). */
  args?: 'ids' | 'shells' | 'commands';
}

export interface CompletionSpec {
  options: OptionSpec[];
  commands: CommandSpec[];
  /** The FAQ's ids and questions, asked only when ids are completed. */
  ids: () => { id: string; question: string }[];
}

export interface Candidate {
  value: string;
  description?: string;
}

/** The completion spec of the command table (commands.ts), with the ids of the FAQ in use. */
export function specOf(globals: TableOption[], commands: TableCommand[], ids: CompletionSpec['ids']): CompletionSpec {
  const option = (o: TableOption): OptionSpec => ({
    names: optionNames(o.flags),
    description: o.description,
    ...(o.flags.includes('<') ? { values: [...(o.choices ?? [])] } : {}),
  });
  return {
    options: [
      ...globals.map(option),
      { names: ['-h', '--help'], description: 'afficher l’aide' },
      { names: ['-V', '--version'], description: 'afficher la version' },
    ],
    commands: commands
      .filter((c) => !c.hidden)
      .map((c) => ({
        name: c.name,
        description: c.description,
        options: c.options.map(option),
        ...(c.completes ? { args: c.completes } : {}),
      })),
    ids,
  };
}

/**
 * The words as the user wrote them: bash splits words at its COMP_WORDBREAKS,
 * `--faq=x.md` into `--faq`, `=`, `x.md`, and `faq:v2.md` into `faq`, `:`, `v2.md`;
 * they are joined again, and the index of the word being completed follows.
 */
export function joinEquals(words: string[], index: number): { words: string[]; index: number } {
  const out: string[] = [];
  let at = index;
  words.forEach((word, i) => {
    const last = out.length - 1;
    const joining =
      (word === '=' && out[last]?.startsWith('--') && !out[last].includes('=')) ||
      (words[i - 1] === '=' && out[last]?.endsWith('=')) ||
      (word === ':' && last >= 0) ||
      (words[i - 1] === ':' && out[last]?.endsWith(':'));
    if (joining) out[last] += word;
    else out.push(word);
    if (i === index) at = out.length - 1;
  });
  return { words: out, index: index >= words.length ? out.length : at };
}

/**
 * The FAQ file the command line names (`--faq x.md` or `--faq=x.md`), but for the word
 * being completed; as the shell would pass it (see shellPath).
 */
export function faqOption(words: string[], index: number, env: Record<string, string | undefined> = {}): string | undefined {
  let file: string | undefined;
  words.forEach((word, i) => {
    if (i === index) return;
    if (word === '--faq' && i + 1 !== index && words[i + 1] !== undefined) file = words[i + 1];
    else if (word.startsWith('--faq=')) file = word.slice('--faq='.length);
  });
  return file === undefined ? undefined : shellPath(file, env);
}

/**
 * A path as typed, as the shell would pass it: bash and zsh hand completion the word
 * as written ("faqs/x.md" with its quotes, dir\ with\ space/x.md, ~/x.md, $HOME/x.md).
 * Quotes removed, backslashes undone, a leading ~ and $NAME or ${NAME} (outside single
 * quotes) replaced from `env`.
 */
export function shellPath(word: string, env: Record<string, string | undefined> = {}): string {
  let path = '';
  for (let i = 0, quote = ''; i < word.length; i++) {
    const c = word[i]!;
    const variable = c === '$' && quote !== "'" ? /^\$(?:\{(\w+)\}|(\w+))/.exec(word.slice(i)) : null;
    if (quote === "'") {
      if (c === "'") quote = '';
      else path += c;
    } else if (variable) {
      path += env[variable[1] ?? variable[2]!] ?? '';
      i += variable[0].length - 1;
    } else if (c === '\\' && i + 1 < word.length && (quote === '' || '"\\$`'.includes(word[i + 1]!))) path += word[++i];
    else if (c === '"' || (c === "'" && quote === '')) quote = quote === c ? '' : c;
    else path += c;
  }
  return env.HOME && /^~(?:\/|$)/.test(word) ? env.HOME + path.slice(1) : path;
}

/** The candidates for words[index] (words: the command line after `mcp-faq`). */
export function complete(spec: CompletionSpec, words: string[], index: number): Candidate[] {
  const current = words[index] ?? '';
  const before = words.slice(0, index);
  const previous = before[before.length - 1];
  const valued = (name: string) =>
    [...spec.options, ...spec.commands.flatMap((c) => c.options)].find((o) => o.names.includes(name) && o.values);
  // The command: the first word that is neither an option nor an option's value.
  const command = spec.commands.find((c) => before.some((w, i) => w === c.name && !(before[i - 1] && valued(before[i - 1]!))));
  const options = [...spec.options, ...(command?.options ?? [])];

  const takingValue = previous?.startsWith('-') ? options.find((o) => o.names.includes(previous) && o.values) : undefined;
  if (takingValue)
    return matching(
      takingValue.values!.map((value) => ({ value })),
      current,
    );
  const equals = /^(--[\w-]+)=/.exec(current);
  if (equals) {
    const option = options.find((o) => o.names.includes(equals[1]!) && o.values);
    return option
      ? matching(
          option.values!.map((value) => ({ value: `${equals[1]}=${value}` })),
          current,
        )
      : [];
  }
  if (current.startsWith('-')) {
    return matching(
      options.flatMap((o) => o.names.filter((n) => n.startsWith('--')).map((value) => ({ value, description: o.description }))),
      current,
    );
  }
  if (!command)
    return matching(
      spec.commands.map((c) => ({ value: c.name, description: c.description })),
      current,
    );
  switch (command.args) {
    case 'ids':
      return matching(
        spec.ids().map((e) => ({ value: e.id, description: e.question })),
        current,
        true,
      );
    case 'shells':
      return matching(
        SHELLS.map((value) => ({ value })),
        current,
      );
    case 'commands':
      return matching(
        spec.commands.map((c) => ({ value: c.name, description: c.description })),
        current,
      );
    default:
      return [];
  }
}

function matching(candidates: Candidate[], prefix: string, ignoreCase = false): Candidate[] {
  const p = ignoreCase ? prefix.toLowerCase() : prefix;
  return candidates.filter((c) => (ignoreCase ? c.value.toLowerCase() : c.value).startsWith(p));
}

/** Candidates as the scripts read them: one per line, `value<TAB>description`. */
export function formatCandidates(candidates: Candidate[]): string {
  const line = (c: Candidate) => (c.description ? `${c.value}\t${c.description.replace(/[\t\n]+/g, ' ')}` : c.value);
  return candidates.map((c) => `${line(c)}\n`).join('');
}

/** The completion script for a shell. */
export function completionScript(shell: Shell): string {
  return SCRIPTS[shell];
}

const SCRIPTS: Record<Shell, string> = {
  bash: `# mcp-faq: completion for bash. Install:
#   mcp-faq completion bash > ~/.local/share/bash-completion/completions/mcp-faq
# or add to ~/.bashrc:  source <(mcp-faq completion bash)
_mcp_faq() {
  local IFS=$'\\n' line value
  local -a candidates=()
  while IFS= read -r line; do
    value=\${line%%$'\\t'*}
    # bash completes what follows "=" in --color=…: the candidate's part after it.
    candidates+=("\${value#--*=}")
  done < <(mcp-faq __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1}" 2>/dev/null)
  COMPREPLY=("\${candidates[@]}")
  # A file for --faq (bash splits --faq=x.md at the "="): the shell's own completion.
  local previous=\${COMP_WORDS[COMP_CWORD-1]}
  [[ $previous == = ]] && previous=\${COMP_WORDS[COMP_CWORD-2]}
  if [[ \${#COMPREPLY[@]} -eq 0 && $previous == --faq ]]; then
    compopt -o default 2>/dev/null
  fi
}
complete -o nosort -F _mcp_faq mcp-faq 2>/dev/null || complete -F _mcp_faq mcp-faq
`,
  zsh: `#compdef mcp-faq
# mcp-faq: completion for zsh. Install: put this file in a directory of $fpath as
# _mcp-faq, e.g.  mcp-faq completion zsh > ~/.zfunc/_mcp-faq  (with fpath+=~/.zfunc
# before compinit in ~/.zshrc), or add to ~/.zshrc:  source <(mcp-faq completion zsh)
_mcp_faq() {
  local -a candidates
  local line
  # A FAQ named before the command (MCP_FAQ_FILE=x.md mcp-faq show …) is not in zsh's
  # environment here: it is read from the command's text (after the last ; & or |), as
  # a --faq ahead of the words. (bash removes it from COMP_LINE: there, export it.)
  local -a ahead
  local command=\${LBUFFER##*[;&|]}
  if [[ $command =~ '(^|[[:space:]])MCP_FAQ_FILE=([^[:space:]]+)[[:space:]]+([^[:space:]]*/)?mcp-faq[[:space:]]' ]]; then
    ahead=(--faq "$match[2]")
  fi
  for line in "\${(@f)$(mcp-faq __complete $((CURRENT - 2 + $#ahead)) -- "\${(@)ahead}" "\${(@)words[2,-1]}" 2>/dev/null)}"; do
    [[ -n $line ]] && candidates+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
  done
  if [[ \${words[CURRENT-1]} == --faq ]]; then
    _files
  elif [[ $PREFIX == --faq=* ]]; then
    compset -P '*='
    _files
  else
    # Ids ignore case: "A" offers a1, a2…
    _describe -V mcp-faq candidates -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}'
  fi
}
if [[ -n \${ZSH_VERSION-} ]]; then
  if (( $+functions[compdef] )); then compdef _mcp_faq mcp-faq; fi
fi
`,
  fish: `# mcp-faq: completion for fish. Install:
#   mcp-faq completion fish > ~/.config/fish/completions/mcp-faq.fish
function __mcp_faq_complete
    set -l words (commandline -opc)[2..-1]
    set -l current (commandline -ct)
    mcp-faq __complete (count $words) -- $words $current 2>/dev/null
end
complete -c mcp-faq -f -k -a '(__mcp_faq_complete)'
complete -c mcp-faq -l faq -r -F
`,
};
