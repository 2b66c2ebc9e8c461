import { t } from '@/lib/i18n/messages';

/** Props of AliasSuggestions. */
export interface Props {
  /** Names of the same place in other languages, not yet in the query. */
  aliases: string[];
  onAdd: (alias: string) => void;
}

/**
 * One-click additions of a place's names in other languages. The matcher already finds a country under its name in an
 * article of that language (lib/topics/aliases.ts); an added name counts on pages of any language, and nothing is added
 * unless the reader asks.
 */
export function AliasSuggestions({ aliases, onAdd }: Props) {
  if (!aliases.length) return null;
  return (
    <div class="aliases" role="group" aria-label={t('namesInOtherLanguages')}>
      <span class="muted">{t('alsoInOtherLanguages')} </span>
      {aliases.map((alias) => (
        <button
          type="button"
          key={alias}
          class="chip"
          dir="auto"
          onClick={() => onAdd(alias)}
          aria-label={t('addAlias', alias)}
        >
          + {alias}
        </button>
      ))}
    </div>
  );
}
