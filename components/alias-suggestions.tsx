/** Props of AliasSuggestions. */
export interface Props {
  /** Names of the same place in other languages, not yet in the query. */
  aliases: string[];
  onAdd: (alias: string) => void;
}

/** One-click additions of a place's names in other languages; nothing is added unless the reader asks. */
export function AliasSuggestions({ aliases, onAdd }: Props) {
  if (!aliases.length) return null;
  return (
    <div class="aliases" role="group" aria-label="Names in other languages">
      <span class="muted">Also in other languages: </span>
      {aliases.map((alias) => (
        <button
          type="button"
          key={alias}
          class="chip"
          dir="auto"
          onClick={() => onAdd(alias)}
          aria-label={`Add ${alias} to the query`}
        >
          + {alias}
        </button>
      ))}
    </div>
  );
}
